# jansson keeps no value positions; the error still points at the value
args: import moves $FIX/moves-bad.json
status: 65
--- stderr
moves-bad.json:6:12: impossible date '2023-02-29' in field 'date' (expected a real calendar date)
exodus: import: 1 error in 'moves-bad.json'; nothing was imported
