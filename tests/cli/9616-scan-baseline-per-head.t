# 9616-scan-baseline-per-head: scan takes the spiral's baselines. A
# workforce growing from nothing, its people leaving at one constant hazard
# (bench/gen_scan_store.py: 6,000 spells, exponential stays, no contagion):
# per head, the rate is constant and the row says so, the same n as
# 'exodus spiral ORG --baseline headcount'; an organisation known only from
# news moves has no headcount, and is listed as not fitted with the reason,
# not as too little data.
sh: python3 $DATA/../bench/gen_scan_store.py --spells 6000 --orgs 1 --seed 7 > $TMP/spells.csv
setup: import spells $TMP/spells.csv
setup: import moves $DATA/ai-lab-moves.csv
args: scan "Org 000000" OpenAI xAI --baseline headcount --bootstrap 39 --imputations 2 --paths 1000
status: 0
after: "$EXODUS" scan "Org 000000" --baseline headcount --bootstrap 39 --imputations 2 --paths 1000 --json > scan.json && grep -q '"per_head": true' scan.json
after: n=$(sed -n 's/^      "n": \(.*\),$/\1/p' scan.json) && test -n "$n" && "$EXODUS" spiral "Org 000000" --baseline headcount --bootstrap 39 --imputations 2 --paths 1000 --json > spiral.json && grep -q "^  \"n\": $n,\$" spiral.json
--- stdout-contains
Org 000000          4733        41.2%  0.00 (0.00-0.30)  no evidence of contagion  flat   258 (237-279) in 180d
3 organisations, 1 fitted; seed 1; baseline per head
not fitted:
  OpenAI: 'OpenAI' has no spells with a start date in the store, so its headcount is unknown (import its spells, or use a baseline that is not per head)
  xAI: 9 departures, fewer than the 10 a fit needs here
--- stderr
