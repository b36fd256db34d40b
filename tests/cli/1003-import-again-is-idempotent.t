setup: import moves $FIX/moves-small.csv
args: import moves $FIX/moves-small.csv
status: 0
--- stdout
$FIX/moves-small.csv: 7 rows, 0 new, 7 already present
