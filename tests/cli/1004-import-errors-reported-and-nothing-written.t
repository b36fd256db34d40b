# Every bad row gets FILE:LINE:COLUMN, exit 65, and the store is untouched.
setup: import moves $FIX/moves-small.csv
args: import moves $FIX/moves-bad.csv
status: 65
--- stdout
--- stderr
moves-bad.csv:2:37: impossible date '2024-02-30' in field 'date' (expected a real calendar date)
moves-bad.csv:3:29: unknown level 'wizard' (expected founder, exec, lead, ic or board)
moves-bad.csv:4:34: unknown event 'quit' (expected left, joined, sabbatical, returned, fired or founded)
moves-bad.csv:5:38: malformed date '2024/02/01' in field 'date' (expected YYYY-MM-DD, YYYY-MM or YYYY)
moves-bad.csv:6:10: event 'left' needs 'from_org' (expected the organisation left)
moves-bad.csv:7:1: empty value in field 'person' (expected a value)
moves-bad.csv:8:48: date_precision 'month' does not fit the date (expected the first day of the month)
exodus: import: 7 errors in 'moves-bad.csv'; nothing was imported; a date like '2024/02/01' needs --date-format (%m/%d/%Y for US dates)
