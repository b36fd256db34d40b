args: runway $FIX/scenario-small.json --paths 0
status: 64
--- stderr
exodus: runway: --paths 0 is not in 1..10000000
