# A column name with a control character (here an OSC escape that retitles
# the terminal) is an error that does not echo it; it was printed raw in
# the "unknown column" error
args: import moves $FIX/moves-control-in-header.csv
status: 65
--- stdout
--- stderr
moves-control-in-header.csv:1:72: control character U+001B at character 1 of a column name (expected a name on one line, in UTF-8, without control characters)
exodus: import: 1 error in 'moves-control-in-header.csv'; nothing was imported
