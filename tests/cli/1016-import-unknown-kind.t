args: import people $FIX/moves-small.csv
status: 64
--- stderr
exodus: import: unknown kind 'people' (expected moves, spells, finance or aliases)
