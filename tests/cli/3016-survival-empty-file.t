# survival --data: an empty file is an error, not an analysis of 0 rows
args: survival --data $FIX/survival-empty.csv --time time --event status
status: 65
--- stdout
--- stderr
survival-empty.csv:1:1: the file is empty (expected a header row)
