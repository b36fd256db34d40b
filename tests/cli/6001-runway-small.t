# a small scenario: deterministic path, Monte Carlo fan and loop gain; the same for any thread count
args: runway $FIX/scenario-small.json --paths 2000 --seed 3
status: 0
--- stdout
Small hand-checkable firm: runway over 24 months from 2025-01

deterministic path (every input at its central value)
  cash-out         none within 24 months
  rounds closed    1
  headcount        8 -> 8 at month 24
  dilution         13.6% of employees' stake at month 24
  revenue          $20.0k -> $61.0k a month

months to cash-out (2000 paths, seed 3)
  median           > 24 months
  80% interval     15.8 to > 24 months
  95% interval     14.9 to > 24 months
  P(cash-out)      0.0% within 12 months, 30.2% within 24 months
  rounds closed    0.70 per path (mean)

paths across Monte Carlo runs: median (10%-90%); a path that cashed out counts as 0 cash and 0 staff
  month     cash                     headcount         dilution
      0    $1.0M    ($921.2k-$1.1M)          8  (8-8)      0.0%   (0.0%-0.0%)
      3  $793.2k  ($714.2k-$875.8k)          8  (8-8)      0.0%   (0.0%-0.0%)
      6    $1.1M    ($560.9k-$1.2M)          8  (8-8)     13.5%  (0.0%-13.7%)
      9  $864.8k  ($373.9k-$984.8k)          8  (8-8)     13.5%  (0.0%-13.7%)
     12  $691.3k  ($200.1k-$811.0k)          8  (8-8)     13.5%  (0.0%-13.7%)
     15  $532.6k   ($40.7k-$651.3k)          8  (8-8)     13.5%  (0.0%-13.7%)
     18  $389.4k       ($0-$508.1k)          8  (0-8)     13.5%  (0.0%-13.7%)
     21  $265.8k       ($0-$383.3k)          8  (0-8)     13.5%  (0.0%-13.7%)
     24  $162.8k       ($0-$280.9k)          8  (0-8)     13.5%  (0.0%-13.7%)

loop gain (attrition -> revenue -> money -> dilution -> attrition, deterministic path)
  gain             0.008: 0.08 extra departures in month 1 bring back 0.001 through the loop
  link                   elasticity
  attrition -> revenue       -0.122
  revenue -> money           -0.400
  money -> dilution           2.023
  dilution -> attrition       0.080
  dominant link    money -> dilution; weakest dilution -> attrition
verdict: the loop feeds back but dampens (gain below 1): a shock to staff fades
