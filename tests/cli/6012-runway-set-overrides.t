# --set overrides fields before validation (nested keys, an appended round); the run shows them
args: runway $FIX/scenario-small.json --paths 500 --seed 3 --set cash_usd=6e5 --set attrition_per_year=0.4 --set 'rounds.1={"month": 12, "size_usd": 2e5}'
status: 0
--- stdout
Small hand-checkable firm: runway over 24 months from 2025-01
overrides: cash_usd=6e5, attrition_per_year=0.4, rounds.1={"month": 12, "size_usd": 2e5}
coupling: none; the file has no "links" object, so hiring ignores cash and offers, attrition ignores runway and rounds ignore growth and talent (docs/runway.md, "The coupling", lists the links)

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

loop gain across 500 paths (inputs and round outcomes drawn, flows at their expectations, cash-out and round timing free)
  shock            0.08 departures added in month 1: the denominator
  gain             median 0.018 (80%: 0.004 to 0.018), mean 0.015; 0.0% of paths above 1
  deterministic    0.018
  meaning          per departure of the shock, 0.02 more leave over the 24 months in one pass through the loop (median path; the departures it induces are not fed back)
  link cut                                             median gain               change
  co-workers leaving -> attrition                                -  not in the scenario
  dilution -> attrition                                      0.000               -0.018
  short runway -> attrition                                      -  not in the scenario
  down round -> attrition                                        -  not in the scenario
  short runway -> hiring freeze                                  -  not in the scenario
  dilution, attrition, down round -> offer acceptance            -  not in the scenario
  talent -> revenue growth                                   0.000               -0.018
  leavers -> revenue (key people)                                -  not in the scenario
  growth, talent, runway -> round terms                          -  not in the scenario
  dominant link    dilution -> attrition (cutting it lowers the median gain most)
verdict: no death spiral: the loop feeds back but a shock of departures fades (gain below 1)

tornado: each input at its 10% and 90% point (a fixed value at half and one and a half times), the rest central, on the deterministic path
  input                               low     high  cash-out (months)       loop gain
  cash_usd                        $300.0k  $900.0k        4.4 to > 24  0.018 to 0.018
  loaded_cost_usd_per_year         $60.0k  $180.0k       > 24 to 10.5  0.018 to 0.018
  revenue_usd_per_month            $10.0k   $30.0k       17.3 to > 24  0.028 to 0.014
  revenue_growth_per_month          0.025    0.075       20.0 to > 24  0.011 to 0.024
  compute_usd_per_month             $5.0k   $15.0k       > 24 to 20.7  0.018 to 0.018
  growth_talent_elasticity            0.5      1.5       > 24 to 22.9  0.009 to 0.027
  attrition_per_year                  0.2      0.6       > 24 to 23.0  0.010 to 0.026
  valuation_revenue_multiple            5       15       23.4 to 23.5  0.028 to 0.014
  attrition_dilution_sensitivity        1        3       23.6 to 23.4  0.009 to 0.027
  hiring_max_per_month              0.125    0.375       23.5 to 23.5  0.018 to 0.018
