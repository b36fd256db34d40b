# two scenarios side by side: one column each, the same paths and seed
args: runway $DATA/scenarios/openai-2024.json $DATA/scenarios/anthropic-2025.json --paths 1000
status: 0
--- stdout
2 scenarios side by side (1000 paths each, seed 1; medians with 10%-90% across paths)
                                OpenAI after the October 2024 round  Anthropic after the March 2025 round
  start                         2024-10                              2025-03
  horizon (months)              60                                   60
  cash-out, median months       > 60                                 > 60
  cash-out, 80% interval        27.6 to > 60                         26.4 to > 60
  P(cash-out) within 12 months  0.2%                                 0.1%
  P(cash-out) within 24 months  6.9%                                 8.2%
  P(cash-out) within 36 months  18.8%                                22.3%
  dilution at the horizon       0.7% (0.0%-22.1%)                    12.6% (0.0%-44.8%)
  headcount at the horizon      4136 (0-4153)                        2427 (0-3279)
  rounds closed (mean)          1.04                                 1.73
  loop gain, median (80%)       0.125 (-2.429 to 6.876)              0.473 (-0.351 to 2.971)
  dominant link                 co-workers leaving -> attrition      dilution -> attrition

loop gain: departures induced over the horizon, in one pass through the loop, per departure of a shock of 1% of staff in month 1 (the denominator); 'exodus runway FILE' shows one scenario in full
