# --json carries every number; beyond the horizon is null
args: runway $FIX/scenario-small.json --paths 500 --seed 3 --json
status: 0
--- stdout-contains
"scenario": "Small hand-checkable firm",
"months": 24,
"paths": 500,
"p_within_36": null,
"rounds": 1,
"dominant": "dilution -> attrition"
"shock_departures": 0.080000000000000002,
"tornado": [
"links": {
