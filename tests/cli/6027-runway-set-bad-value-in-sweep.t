# a bad --set is reported as --set even with a sweep
args: runway $FIX/scenario-small.json --set months=0 --sweep cash_usd=1:2:2
status: 64
--- stderr
exodus: runway: --set months: 0 is not a whole number in [1, 600]
