# 4012-spiral-window-drops-outside
args: spiral --events $SHARED/data/hawkes/u1k.txt --window 100:400
status: 0
--- stdout-contains
$SHARED/data/hawkes/u1k.txt — events, 100 .. 400
716; 300 outside the window left out
--- stderr
