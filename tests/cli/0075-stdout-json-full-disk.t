# --json output cut short by a full disk is an I/O failure (exit 74), not a
# truncated document with exit 0
setup: import moves $FIX/moves-small.csv
args: --json moves
stdout: /dev/full
status: 74
--- stderr
exodus: moves: writing standard output: No space left on device
