# a runway scenario file is capped too
args: runway $FIX/scenario-small.json --max-input 100
status: 65
--- stdout
--- stderr
scenario-small.json:5:16: the text goes on past 100 bytes (expected at most that many; --max-input SIZE or EXODUS_MAX_INPUT=SIZE raises the cap)
