args: runway $FIX/scenario-bad-dist.json
status: 65
--- stderr
scenario-bad-dist.json:3:24: 'cash_usd.dist': unknown distribution 'gamma' (expected fixed, normal, lognormal or uniform)
