# an alias row naming an organisation already stored merges it into the
# alias's organisation, for good: each merge is named, not just counted
setup: import moves $FIX/moves-small.csv
args: import aliases $FIX/aliases-merge.csv
status: 0
after: test "$("$EXODUS" orgs | cut -d' ' -f1 | tr '\n' ,)" = organisation,Acme,
--- stdout
$FIX/aliases-merge.csv: 3 rows, 3 new, 0 already present
  merged organisation 'Other Co' into 'Rival'
  merged organisation 'Rival' into 'Acme'
--- stderr
