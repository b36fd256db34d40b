# with no ORG, organisations with enough departures; none is an error
setup: import moves $FIX/moves-small.csv
args: report -o $TMP/r.html
status: 1
--- stderr
exodus: report: no organisation has 10 or more departures
