# --scenario-org must name one of the report's organisations
setup: import moves $FIX/moves-hostile.csv
args: report "<script>alert(1)</script>" --scenario $FIX/scenario-small.json --scenario-org Elsewhere -o $TMP/r.html
status: 64
--- stderr
exodus: report: the scenario's organisation 'Elsewhere' is not in the report
