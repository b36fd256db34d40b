# --set overrides fields before validation (nested keys, an appended round); the run shows them
args: runway $FIX/scenario-small.json --paths 500 --seed 3 --set cash_usd=6e5 --set attrition_per_year=0.4 --set 'rounds.1={"month": 12, "size_usd": 2e5}'
status: 0
--- stdout
Small hand-checkable firm: runway over 24 months from 2025-01
overrides: cash_usd=6e5, attrition_per_year=0.4, rounds.1={"month": 12, "size_usd": 2e5}

deterministic path (every input at its central value)
  cash-out         month 23.5 (2026-12)
  rounds closed    2
  headcount        8 -> 0 at month 24
  dilution         17.6% of employees' stake at month 24
  revenue          $20.0k -> $0 a month

months to cash-out (500 paths, seed 3)
  median           23.3 months
  80% interval     9.1 to > 24 months
  95% interval     9.1 to > 24 months
  P(cash-out)      30.6% within 12 months, 87.8% within 24 months
  rounds closed    1.39 per path (mean)

paths across Monte Carlo runs: median (10%-90%); a path that cashed out counts as 0 cash and 0 staff
  month     cash                     headcount         dilution
      0  $600.0k  ($600.0k-$600.0k)          8  (8-8)      0.0%   (0.0%-0.0%)
      3  $393.1k  ($392.8k-$393.1k)          8  (8-8)      0.0%   (0.0%-0.0%)
      6  $694.9k  ($194.9k-$696.0k)          8  (8-8)     13.5%  (0.0%-13.8%)
      9  $507.2k    ($7.2k-$510.4k)          8  (8-8)     13.5%  (0.0%-13.8%)
     12  $531.1k       ($0-$537.1k)          8  (0-8)     17.5%  (0.0%-17.8%)
     15  $368.2k       ($0-$377.0k)          8  (0-8)     17.5%  (0.0%-17.8%)
     18  $219.3k       ($0-$233.0k)          8  (0-8)     17.5%  (0.0%-17.8%)
     21   $87.0k       ($0-$107.5k)          8  (0-8)     17.5%  (0.0%-17.8%)
     24       $0         ($0-$1.6k)          0  (0-8)     17.5%  (0.0%-17.8%)

loop gain (attrition -> revenue -> money -> dilution -> attrition, deterministic path)
  gain             0.018: 0.08 extra departures in month 1 bring back 0.001 through the loop
  link                   elasticity
  attrition -> revenue       -0.117
  revenue -> money           -0.390
  money -> dilution           2.158
  dilution -> attrition       0.186
  dominant link    money -> dilution; weakest attrition -> revenue
verdict: the loop feeds back but dampens (gain below 1): a shock to staff fades
