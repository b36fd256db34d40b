# A file whose lines end with CR alone: errors are at their own lines (they
# were all at line 1), the same as for the LF and CRLF forms of the file,
# also after a quoted field that spans two lines
args: import moves $FIX/moves-cr-only.csv
status: 65
--- stdout
--- stderr
moves-cr-only.csv:3:33: unknown level 'wizard' (expected founder, exec, lead, ic or board)
moves-cr-only.csv:5:19: impossible date '2021-02-30' in field 'date' (expected a real calendar date)
exodus: import: 2 errors in 'moves-cr-only.csv'; nothing was imported
