# cross-excitation needs at least two organisations
setup: import moves $FIX/flows-moves.csv
args: flows --excitation Alpha
status: 64
--- stderr
exodus: flows: --excitation takes 2 to 4 organisations, not 1
