# --sweep of a whole-number field at a fractional value
args: runway $FIX/scenario-small.json --sweep headcount=1:10:3
status: 64
--- stderr
exodus: runway: --sweep headcount: 5.5 is not a whole number in [0, 10000000]
