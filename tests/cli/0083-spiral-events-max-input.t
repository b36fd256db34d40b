# spiral --events reads through the same cap and names the flag
args: spiral --events $FIX/events-tied.txt --max-input 40
status: 65
--- stdout
--- stderr
$FIX/events-tied.txt:2:4: the text goes on past 40 bytes (expected at most that many; --max-input SIZE or EXODUS_MAX_INPUT=SIZE raises the cap)
