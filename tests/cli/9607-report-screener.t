# 9607-report-screener: report --screener adds the ranked table of every
# organisation; its rows are exodus scan's (the same analysis and seeds):
# OpenAI's row holds the n and interval that 'exodus scan' prints.
setup: import moves $DATA/ai-lab-moves.csv
setup: import aliases $DATA/aliases.csv
args: report --screener --paths 1000 -o out.html
status: 0
after: grep -q '"id":"screener"' out.html
after: grep -q '26 organisations, 2 fitted' out.html
after: n=$("$EXODUS" scan --paths 1000 | sed -n 's/^OpenAI  *72  *-  *\([0-9.]* ([0-9.]*-[0-9.]*)\).*/\1/p') && test -n "$n" && grep -qF "[\"OpenAI\",72,\"no headcount\",\"$n\"" out.html
after: grep -q 'xAI: 9 departures, fewer than the 10 a fit needs here' out.html
--- stdout
report: out.html
--- stderr
