# --max-input before the command caps every input: the error is at the
# byte that passes the cap, names the flag that raises it, and nothing is
# imported
args: --max-input 300 import moves $FIX/moves-small.csv
status: 65
after: test ! -e test.db
--- stdout
--- stderr
moves-small.csv:4:64: the text goes on past 300 bytes (expected at most that many; --max-input SIZE or EXODUS_MAX_INPUT=SIZE raises the cap)
exodus: import: 1 error in 'moves-small.csv'; nothing was imported
