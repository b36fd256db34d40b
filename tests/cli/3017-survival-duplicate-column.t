# survival --data: a column name the header holds twice is an error (which
# of the two --time means cannot be told)
args: survival --data $FIX/survival-duplicate-column.csv --time time --event status
status: 65
--- stdout
--- stderr
survival-duplicate-column.csv:1:13: duplicate column 'time' (expected each column name once; field 1 of the header has it too)
