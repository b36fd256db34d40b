# Anthropic from 2025-03: the 2025-09 round against the paths
setup: import finance $DATA/ai-lab-finance.csv
args: runway $DATA/scenarios/anthropic-2025.json --backtest Anthropic --paths 2000
status: 0
--- stdout-contains
backtest: Anthropic's recorded rounds (funding rows of the store on or after 2025-03) against the paths; 80% band = 10%-90% of paths
  date        raised   post-money  month  dilution  model: median (80%)  rounds  model: median (80%)  inside
  2025-03-01  $3.50B   $61.50B     -      -         in the opening cash  -       -                    not scored
  2025-09-01  $13.00B  $183.00B    7      7.1%      0.0% (0.0%-6.9%)     1       0 (0-1)              dilution no
  missed 2025-09-01: valuation_revenue_multiple: the round was priced outside the scenario's 80% range of the revenue multiple (multiple 105.3x against 31.9-78.3; size 50.0 months of net burn against 10.8-30.1; runway 16.9 months when it closed)
verdict: reality fell outside the 80% band at 1 of 1 scored round; the assumption that missed is named above
