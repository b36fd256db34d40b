# report --compare-scenario: the report's scenario and the others side by side, a table and two charts with year axes
setup: import moves $FIX/moves-hostile.csv
args: report --scenario $DATA/scenarios/openai-2024.json --compare-scenario $DATA/scenarios/anthropic-2025.json --paths 300 -o -
status: 0
--- stdout-contains
"id":"runway-compare"
"id":"runway-compare-headcount"
"id":"runway-compare-cash"
"columns":["quantity","OpenAI after the October 2024 round","Anthropic after the March 2025 round"]
<a href="#all-orgs">scenarios side by side</a>
