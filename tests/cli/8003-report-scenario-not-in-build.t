# a runway scenario is refused, not silently ignored, until runway lands
setup: import moves $FIX/moves-small.csv
args: report Acme --scenario $FIX/none.json -o $TMP/r.html
status: 64
--- stderr
exodus: report: --scenario '$FIX/none.json': the runway simulation is not part of this build (issue 6)
