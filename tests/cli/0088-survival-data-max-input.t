# survival --data on R's heart data (8,857 bytes): a 4k cap stops it at
# byte 4,096 and names the flag; 9k reads all 172 rows
sh: "$EXODUS" survival --max-input 9k --data $SHARED/data/survival-ref/heart.csv --start start --time stop --event event | grep -q '172 rows, 75 events'
args: survival --max-input 4k --data $SHARED/data/survival-ref/heart.csv --start start --time stop --event event
status: 65
--- stdout
--- stderr
heart.csv:81:14: the text goes on past 4096 bytes (expected at most that many; --max-input SIZE or EXODUS_MAX_INPUT=SIZE raises the cap)
