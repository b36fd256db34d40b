# --sweep after --set overrides, with a nested key
args: runway $FIX/scenario-small.json --paths 500 --set attrition_per_year=0.5 --sweep rounds.0.probability=0:1:3
status: 0
--- stdout
Small hand-checkable firm: sweep of rounds.0.probability from 0 to 1 in 3 steps, over 24 months
overrides: attrition_per_year=0.5
500 paths per value, seed 1 for every value (common random numbers)

  rounds.0.probability  P(<=12 mo)  P(<=24 mo)  median months  80% interval  deterministic
                     0        0.0%      100.0%           16.4  14.8 to 17.9           16.4
                   0.5        0.0%       51.6%           18.4  15.1 to > 24           > 24
                     1        0.0%        0.0%           > 24  > 24 to > 24           > 24

P(<=m mo): share of paths out of cash within m months; deterministic: the cash-out month with every input central
