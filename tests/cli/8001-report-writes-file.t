# report ORG -o FILE writes one self-contained page and names it
setup: import moves $FIX/moves-small.csv
setup: import finance $FIX/finance-small.csv
args: report Acme -o $TMP/r.html
status: 0
--- stdout
report: $TMP/r.html
--- stderr
