# --scenario: the runway fan, cash-out probabilities and loop gain in the
# organisation's view, months of runway on its card; flows across all
setup: import moves $FIX/moves-hostile.csv
args: report "<script>alert(1)</script>" --scenario $FIX/scenario-small.json --paths 500 -o -
status: 0
--- stdout-contains
"label":"months of runway","value":"median \u003e 24 (95%: 
"id":"runway"
"id":"runway-cash"
"id":"runway-headcount"
"id":"runway-dilution"
"P(cash-out)"
"dominant link"
"id":"flows"
"id":"sankey"
"id":"netflow"
"from":"\u003cscript\u003ealert(1)\u003c/script\u003e","to":"Elsewhere"
<a href="#all-orgs">talent flows</a>
