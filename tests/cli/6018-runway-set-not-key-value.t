# --set without '='
args: runway $FIX/scenario-small.json --set cash_usd
status: 64
--- stderr
exodus: runway: --set 'cash_usd' is not KEY=VALUE (for example cash_usd=5e9 or levels.0.headcount=40)
