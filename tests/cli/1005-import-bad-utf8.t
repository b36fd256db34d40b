args: import moves $FIX/moves-bad-utf8.csv
status: 65
--- stderr
moves-bad-utf8.csv:2:1: invalid UTF-8 at byte 5 of field 'person' (expected UTF-8 text)
exodus: import: 1 error in 'moves-bad-utf8.csv'; nothing was imported
