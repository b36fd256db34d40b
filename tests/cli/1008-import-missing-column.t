args: import moves $FIX/moves-missing-column.csv
status: 65
--- stderr
moves-missing-column.csv:1:1: missing required column 'level' (expected it in the header)
exodus: import: 1 error in 'moves-missing-column.csv'; nothing was imported
