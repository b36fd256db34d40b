# survival --data: a control character in a column read is an error
args: survival --data $FIX/survival-control-chars.csv --time time --event status --by group
status: 65
--- stdout
--- stderr
survival-control-chars.csv:3:5: control character U+001B at character 1 of column 'group' (expected text without control characters other than tab and line breaks)
