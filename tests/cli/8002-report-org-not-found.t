# an unknown organisation is named, and nothing is written
setup: import moves $FIX/moves-small.csv
args: report Nope -o $TMP/r.html
status: 1
--- stdout
--- stderr
exodus: report: no organisation 'Nope' in the store (see 'exodus orgs')
