# --sweep may be given once
args: runway $FIX/scenario-small.json --sweep cash_usd=1:2:2 --sweep cash_usd=1:2:2
status: 64
--- stderr
exodus: runway: --sweep may be given once
