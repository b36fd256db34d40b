# the backtest from 2024-10: the 2024-10 round is in the opening cash, the 2025-03 round is scored against the paths and the assumption that missed is named
setup: import finance $DATA/ai-lab-finance.csv
args: runway $DATA/scenarios/openai-2024.json --backtest OpenAI --paths 2000
status: 0
--- stdout-contains
backtest: OpenAI's recorded rounds (funding rows of the store on or after 2024-10) against the paths; 80% band = 10%-90% of paths
  date        raised   post-money  month  dilution  model: median (80%)     rounds  model: median (80%)  inside
  2024-10-02  $6.60B   $157.00B    -      -         in the opening cash     -       -                    not scored
  2025-03-31  $40.00B  $300.00B    6      13.3%     0.0% (0.0%-0.0%)        1       0 (0-0)              no
  2025-08-01  $8.30B   -           -      -         no post-money reported  -       -                    not scored
  missed 2025-03-31: trigger.size_burn_months: the round's size, in months of net burn, is outside the trigger's 80% range (multiple 34.5x against 19.8-48.5; size 120.2 months of net burn against 10.8-30.1; runway 20.1 months when it closed)
verdict: reality fell outside the 80% band at 1 of 1 scored round; the assumption that missed is named above
