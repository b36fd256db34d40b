# --sweep --json: one row per value, beyond the horizon null, the --set overrides listed
args: runway $FIX/scenario-small.json --paths 300 --set attrition_per_year=0.5 --sweep cash_usd=5e5:1.5e6:3 --json
status: 0
--- stdout-contains
"scenario": "Small hand-checkable firm",
"overrides": [
"attrition_per_year=0.5"
"key": "cash_usd",
"steps": 3,
"value": 500000,
"value": 1000000,
"value": 1500000,
"p_within_36": null,
"deterministic_cashout_month": null
