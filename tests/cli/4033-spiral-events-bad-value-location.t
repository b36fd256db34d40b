# 4033-spiral-events-bad-value-location: a bad time is named by file, line
# and column, after a 9,000-character field on an earlier line
args: spiral --events $FIX/events-bad-value.csv --time time
status: 65
--- stdout
--- stderr
$FIX/events-bad-value.csv:31:1: '12.5x' is not a time (expected a number or a date as YYYY-MM-DD, YYYY-MM or YYYY)
