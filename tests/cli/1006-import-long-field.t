args: import moves $FIX/moves-long-field.csv
status: 65
--- stderr
moves-long-field.csv:2:22: field 'role' is too long: 501 characters (expected at most 500)
exodus: import: 1 error in 'moves-long-field.csv'; nothing was imported
