# --set a nested value out of range
args: runway $FIX/scenario-small.json --set rounds.0.month=0
status: 64
--- stderr
exodus: runway: --set rounds.0.month: 0 is not a whole number in [1, 600]
