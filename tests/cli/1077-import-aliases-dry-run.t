# --dry-run says what an import would add and merge, and writes nothing:
# the organisations are all still there afterwards
setup: import moves $FIX/moves-small.csv
args: import aliases $FIX/aliases-merge.csv --dry-run
status: 0
after: test "$("$EXODUS" orgs | cut -d' ' -f1 | tr '\n' ,)" = organisation,Acme,Other,Rival,
after: "$EXODUS" import aliases "$FIX/aliases-merge.csv" | grep -q '3 new'
--- stdout
$FIX/aliases-merge.csv: 3 rows, 3 new, 0 already present (dry run: nothing written)
  would merge organisation 'Other Co' into 'Rival'
  would merge organisation 'Rival' into 'Acme'
--- stderr
