args: import moves $FIX/moves-small.json
status: 0
--- stdout
$FIX/moves-small.json: 2 rows, 2 new, 0 already present
