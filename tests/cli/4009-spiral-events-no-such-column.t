# 4009-spiral-events-no-such-column
args: spiral --events $SHARED/data/hawkes/bi10k.txt --time time
status: 65
--- stdout
--- stderr
$SHARED/data/hawkes/bi10k.txt:9:1: no column 'time' in the header
