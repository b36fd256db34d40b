# 9602-scan-threads-same-bytes: the JSON does not depend on the number of
# threads (each organisation's draws come from its own derived seed).
setup: import moves $DATA/ai-lab-moves.csv
setup: import aliases $DATA/aliases.csv
args: scan --bootstrap 39 --imputations 4 --paths 1000 --threads 1 --json
status: 0
after: "$EXODUS" scan --bootstrap 39 --imputations 4 --paths 1000 --threads 1 --json > t1.json
after: "$EXODUS" scan --bootstrap 39 --imputations 4 --paths 1000 --threads 2 --json > t2.json
after: "$EXODUS" scan --bootstrap 39 --imputations 4 --paths 1000 --threads 3 --json > t3.json
after: cmp t1.json t2.json && cmp t1.json t3.json
after: grep -q '"fitted": 2,' t1.json
--- stdout-contains
  "organisations": 26,
--- stderr
