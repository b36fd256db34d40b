# --set a distribution written as JSON, with a field missing
args: runway $FIX/scenario-small.json --set 'cash_usd={"dist":"normal","mean":5e5}'
status: 64
--- stderr
exodus: runway: --set cash_usd: a normal distribution needs 'mean' and 'sd'
