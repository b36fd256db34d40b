# --sweep runs one scenario
args: runway $FIX/scenario-small.json $FIX/scenario-small.json --sweep cash_usd=1:2:2
status: 64
--- stderr
exodus: runway: --sweep takes one scenario file, not 2
