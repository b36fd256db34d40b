# Control characters (an ANSI escape, a bell, C1's CSI), invalid UTF-8 (an
# overlong '/', a UTF-16 surrogate) and, in names, line breaks and
# bidirectional overrides are rejected: they were stored and printed raw.
# A tab and a line break in a quoted role are text (the last row).
args: import moves $FIX/moves-control-chars.csv
status: 65
--- stdout
--- stderr
moves-control-chars.csv:2:1: control character U+001B at character 9 of field 'person' (expected a name on one line, without control characters)
moves-control-chars.csv:3:5: bidirectional control U+202E at character 1 of field 'from_org' (expected a name that shows as it reads)
moves-control-chars.csv:4:1: control character U+000A at character 5 of field 'person' (expected a name on one line, without control characters)
moves-control-chars.csv:6:17: control character U+0007 at character 5 of field 'role' (expected text without control characters other than tab and line breaks)
moves-control-chars.csv:7:17: invalid UTF-8 at byte 1 of field 'role' (expected UTF-8 text)
moves-control-chars.csv:8:17: invalid UTF-8 at byte 1 of field 'role' (expected UTF-8 text)
moves-control-chars.csv:9:15: control character U+009B at character 2 of field 'role' (expected text without control characters other than tab and line breaks)
exodus: import: 7 errors in 'moves-control-chars.csv'; nothing was imported
