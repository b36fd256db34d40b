# --sweep needs KEY=A:B:STEPS
args: runway $FIX/scenario-small.json --sweep cash_usd=1:2
status: 64
--- stderr
exodus: runway: --sweep 'cash_usd=1:2' is not KEY=A:B:STEPS (for example cash_usd=1e9:9e9:5)
