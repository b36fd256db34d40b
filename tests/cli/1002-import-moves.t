args: import moves $FIX/moves-small.csv
status: 0
--- stdout
$FIX/moves-small.csv: 7 rows, 7 new, 0 already present
