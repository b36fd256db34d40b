# a loop gain above 1: each departure brings 1.5 more; staff and cash run out together and the verdict says spiral
args: runway $FIX/scenario-spiral.json --paths 500
status: 0
--- stdout
Contagious firm (branching 1.5): runway over 60 months from 2025-01

coupling links (value; source, "assumption" where none)
  link                          value  source
  hiring_freeze_runway_months   0      not given: off
  offer_acceptance_dilution     0      not given: off
  offer_acceptance_attrition    0      not given: off
  offer_acceptance_down_round   0      not given: off
  attrition_cash_stress         0      not given: off
  cash_stress_runway_months     0      not given: off
  attrition_down_round          0      not given: off
  revenue_key_loss              1      assumption: every leaver beyond the base rate takes their sh...
  round_probability_confidence  0      not given: off
  round_multiple_confidence     0      not given: off
  round_multiple_distress       0      not given: off
  round_size_confidence         0      not given: off

deterministic path (every input at its central value)
  cash-out         month 33.7 (2027-10)
  rounds closed    0
  headcount        200 -> 0 at month 60
  dilution         0.0% of employees' stake at month 60
  revenue          $4.0M -> $0 a month

months to cash-out (500 paths, seed 1)
  median           35.1 months
  80% interval     29.7 to 42.9 months
  95% interval     28.3 to 48.4 months
  P(cash-out)      0.0% within 12 months, 0.0% within 24 months, 57.8% within 36 months, 100.0% within 60 months
  rounds closed    0.00 per path (mean)

paths across Monte Carlo runs: median (10%-90%); a path that cashed out counts as 0 cash and 0 staff
  month    cash                   headcount             dilution
      0  $12.0M  ($12.0M-$12.0M)        200  (200-200)      0.0%  (0.0%-0.0%)
      6  $17.7M  ($17.2M-$18.0M)        200  (199-200)      0.0%  (0.0%-0.0%)
     12  $20.4M  ($17.2M-$22.9M)        178  (112-200)      0.0%  (0.0%-0.0%)
     18  $17.1M  ($11.7M-$23.7M)         26    (0-169)      0.0%  (0.0%-0.0%)
     24  $11.1M   ($5.7M-$18.9M)          0      (0-8)      0.0%  (0.0%-0.0%)
     30   $5.1M      ($0-$12.9M)          0      (0-0)      0.0%  (0.0%-0.0%)
     36      $0       ($0-$6.9M)          0      (0-0)      0.0%  (0.0%-0.0%)
     42      $0     ($0-$910.9k)          0      (0-0)      0.0%  (0.0%-0.0%)
     48      $0          ($0-$0)          0      (0-0)      0.0%  (0.0%-0.0%)
     54      $0          ($0-$0)          0      (0-0)      0.0%  (0.0%-0.0%)
     60      $0          ($0-$0)          0      (0-0)      0.0%  (0.0%-0.0%)

loop gain across 500 paths (inputs and round outcomes drawn, flows at their expectations, cash-out and round timing free)
  shock            2.00 departures added in month 1: the denominator
  gain             median 1.478 (80%: 1.478 to 1.478), mean 1.478; 100.0% of paths above 1
  deterministic    1.478
  meaning          per departure of the shock, 1.48 more leave over the 60 months in one pass through the loop (median path; the departures it induces are not fed back)
  link cut                                             median gain               change
  co-workers leaving -> attrition                            0.000               -1.478
  dilution -> attrition                                          -  not in the scenario
  short runway -> attrition                                      -  not in the scenario
  down round -> attrition                                        -  not in the scenario
  short runway -> hiring freeze                                  -  not in the scenario
  dilution, attrition, down round -> offer acceptance            -  not in the scenario
  talent -> revenue growth                                       -  not in the scenario
  leavers -> revenue (key people)                            1.478               +0.000
  growth, talent, runway -> round terms                          -  not in the scenario
  dominant link    co-workers leaving -> attrition (cutting it lowers the median gain most)
verdict: a death spiral: on the median path a shock of departures more than repeats itself through the loop (gain above 1)

tornado: each input at its 10% and 90% point (a fixed value at half and one and a half times), the rest central, on the deterministic path
  input                         low     high  cash-out (months)       loop gain
  revenue_usd_per_month       $2.0M    $6.0M       10.7 to 59.7  1.478 to 1.478
  compute_usd_per_month     $500.0k    $1.5M       > 60 to 22.5  1.478 to 1.478
  loaded_cost_usd_per_year   $60.0k  $180.0k       48.8 to 18.6  1.478 to 1.478
  links.revenue_key_loss        0.5      1.5       42.9 to 28.5  1.478 to 1.478
  cash_usd                    $6.0M   $18.0M       27.7 to 39.7  1.478 to 1.478
  attrition_per_year          0.025    0.075       37.8 to 31.6  1.487 to 1.469
  hiring_max_per_month        0.025    0.075       35.1 to 32.4  1.478 to 1.478
