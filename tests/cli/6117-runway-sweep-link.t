# --sweep reaches a link's value: the hiring freeze threshold from 0 (off) to 12 months
args: runway $DATA/scenarios/openai-2024.json --sweep links.hiring_freeze_runway_months.value=0:12:3 --paths 1000
status: 0
--- stdout
OpenAI after the October 2024 round: sweep of links.hiring_freeze_runway_months.value from 0 to 12 in 3 steps, over 60 months
1000 paths per value, seed 1 for every value (common random numbers)

  links.hiring_freeze_runway_months.value  P(<=12 mo)  P(<=24 mo)  P(<=36 mo)  P(<=60 mo)  median months  80% interval  deterministic
                                        0        0.0%        7.4%       17.7%       34.5%           > 60  28.2 to > 60           > 60
                                        6        0.1%        7.3%       18.4%       36.0%           > 60  27.4 to > 60           > 60
                                       12        0.1%       11.0%       27.0%       47.9%           > 60  23.0 to > 60           25.3

P(<=m mo): share of paths out of cash within m months; deterministic: the cash-out month with every input central
