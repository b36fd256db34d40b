# a runway scenario that cannot be read stops the report (no page without it)
setup: import moves $FIX/moves-small.csv
args: report Acme --scenario $FIX/none.json -o $TMP/r.html
status: 66
--- stderr
exodus: report: cannot open '$FIX/none.json': No such file or directory
