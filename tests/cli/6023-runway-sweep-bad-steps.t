# --sweep STEPS out of range
args: runway $FIX/scenario-small.json --sweep cash_usd=1:2:0
status: 64
--- stderr
exodus: runway: --sweep 'cash_usd=1:2:0': STEPS is not in 1..1000
