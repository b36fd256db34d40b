# 9601-scan-ranked-table: every organisation of the bundled moves in one
# table, ranked by verdict then n; those with too few departures are listed
# with the reason, not dropped. Each row is the organisation's own spiral
# analysis, its draws from (1, its name) as 'exodus spiral ORG' takes them.
setup: import moves $DATA/ai-lab-moves.csv
setup: import aliases $DATA/aliases.csv
args: scan --bootstrap 39 --imputations 4 --paths 1000 --threads 2
status: 0
--- stdout-contains
organisation            departures  per head/yr  n (95% interval)  verdict                        trend     forecast (80%)
Google                          24            -  0.57 (0.23-1.00)  inconclusive                   up 411%   2 (0-5) in 180d
OpenAI                          72            -  0.21 (0.00-0.53)  self-exciting but subcritical  up 1075%  12 (6-19) in 180d
26 organisations, 2 fitted; seed 1
too little data:
  xAI: 9 departures, fewer than the 10 a fit needs here
  Adept AI Labs: 0 departures, fewer than the 10 a fit needs here
--- stderr
