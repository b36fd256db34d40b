# a bad scenario names the offending value, as exodus runway does
setup: import moves $FIX/moves-small.csv
args: report Acme --scenario $FIX/scenario-bad-range.json -o $TMP/r.html
status: 65
--- stderr
scenario-bad-range.json:9:20: 'trigger.probability': 1.5 is out of range (expected 0 to 1)
