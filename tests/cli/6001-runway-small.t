# a small scenario: deterministic path, Monte Carlo fan and loop gain; the same for any thread count
args: runway $FIX/scenario-small.json --paths 2000 --seed 3
status: 0
--- stdout
Small hand-checkable firm: runway over 24 months from 2025-01
coupling: none; the file has no "links" object, so hiring ignores cash and offers, attrition ignores runway and rounds ignore growth and talent (docs/runway.md, "The coupling", lists the links)

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

loop gain across 1000 paths (inputs and round outcomes drawn, flows at their expectations, cash-out and round timing free)
  shock            0.08 departures added in month 1: the denominator
  gain             median 0.008 (80%: 0.000 to 0.008), mean 0.006; 0.0% of paths above 1
  deterministic    0.008
  meaning          per departure of the shock, 0.01 more leave over the 24 months in one pass through the loop (median path; the departures it induces are not fed back)
  link cut                                             median gain               change
  co-workers leaving -> attrition                                -  not in the scenario
  dilution -> attrition                                      0.000               -0.008
  short runway -> attrition                                      -  not in the scenario
  down round -> attrition                                        -  not in the scenario
  short runway -> hiring freeze                                  -  not in the scenario
  dilution, attrition, down round -> offer acceptance            -  not in the scenario
  talent -> revenue growth                                   0.000               -0.008
  leavers -> revenue (key people)                                -  not in the scenario
  growth, talent, runway -> round terms                          -  not in the scenario
  dominant link    dilution -> attrition (cutting it lowers the median gain most)
verdict: no death spiral: the loop feeds back but a shock of departures fades (gain below 1)

tornado: each input at its 10% and 90% point (a fixed value at half and one and a half times), the rest central, on the deterministic path
  input                               low     high  cash-out (months)       loop gain
  loaded_cost_usd_per_year         $60.0k  $180.0k       > 24 to 14.7  0.008 to 0.008
  revenue_usd_per_month            $10.0k   $30.0k       20.4 to > 24  0.012 to 0.006
  revenue_growth_per_month          0.025    0.075       23.6 to > 24  0.004 to 0.010
  attrition_dilution_sensitivity        1        3       > 24 to > 24  0.004 to 0.012
  growth_talent_elasticity            0.5      1.5       > 24 to > 24  0.004 to 0.012
  attrition_per_year                  0.1      0.3       > 24 to > 24  0.004 to 0.012
  valuation_revenue_multiple            5       15       > 24 to > 24  0.012 to 0.006
  cash_usd                        $920.0k    $1.1M       > 24 to > 24  0.008 to 0.008
  compute_usd_per_month             $5.0k   $15.0k       > 24 to > 24  0.008 to 0.008
  hiring_max_per_month              0.125    0.375       > 24 to > 24  0.008 to 0.008
