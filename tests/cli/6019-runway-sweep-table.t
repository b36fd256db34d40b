# --sweep: P(cash-out) and months to cash-out at each value, the same seed throughout
args: runway $FIX/scenario-small.json --paths 1000 --seed 3 --sweep cash_usd=5e5:1.5e6:5
status: 0
--- stdout
Small hand-checkable firm: sweep of cash_usd from 500000 to 1.5e+06 in 5 steps, over 24 months
1000 paths per value, seed 3 for every value (common random numbers)

  cash_usd  P(<=12 mo)  P(<=24 mo)  median months  80% interval  deterministic
    500000       30.3%      100.0%           16.5   7.5 to 16.7           16.5
    750000       30.3%      100.0%           22.4  11.7 to 23.0           22.6
     1e+06        0.0%       30.3%           > 24  16.5 to > 24           > 24
  1.25e+06        0.0%       30.3%           > 24  22.5 to > 24           > 24
   1.5e+06        0.0%        0.0%           > 24  > 24 to > 24           > 24

P(<=m mo): share of paths out of cash within m months; deterministic: the cash-out month with every input central
