# the report's runway: years on the time axis, the loop gain with its shock and link cuts, and the tornado chart and table
setup: import moves $FIX/moves-hostile.csv
args: report --scenario $DATA/scenarios/openai-2024.json --paths 500 -o -
status: 0
--- stdout-contains
"id":"runway-tornado"
"Tornado: each input alone at its 10% and 90% point, deterministic path"
"the shock (denominator)"
"dominant link"
"format":"%Y"
