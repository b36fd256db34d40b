# 4032-spiral-events-long-field: an event file is read as the CSV it is: a
# quoted field of 9,000 characters with commas in it is one field (the old
# reader stopped at 4,096 bytes and blamed the wrong line)
args: spiral --events $FIX/events-long-field.csv --time time --window 0:100
status: 0
--- stdout-contains
$FIX/events-long-field.csv — events, 0 .. 100
  events       40
--- stderr
