# 9603-scan-row-is-spiral: a scan's row is 'exodus spiral ORG' with the
# row's seed: the same n to the last digit, through the same code path.
setup: import moves $DATA/ai-lab-moves.csv
args: scan OpenAI --bootstrap 39 --imputations 4 --paths 1000 --json
status: 0
after: "$EXODUS" scan OpenAI --bootstrap 39 --imputations 4 --paths 1000 --json > scan.json
after: seed=$(sed -n 's/^      "seed": \([0-9]*\),$/\1/p' scan.json) && test -n "$seed" && "$EXODUS" spiral OpenAI --bootstrap 39 --imputations 4 --paths 1000 --seed "$seed" --json > spiral.json
after: n=$(sed -n 's/^      "n": \(.*\),$/\1/p' scan.json) && test -n "$n" && grep -q "^  \"n\": $n,\$" spiral.json
--- stdout-contains
      "org": "OpenAI",
      "departures": 72,
--- stderr
