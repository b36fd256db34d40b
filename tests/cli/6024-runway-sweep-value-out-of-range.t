# --sweep checks every value before running any
args: runway $FIX/scenario-small.json --sweep cash_usd=-1e5:1e5:3
status: 64
--- stderr
exodus: runway: --sweep cash_usd: -100000 is out of range (expected 0 to 1e+15)
