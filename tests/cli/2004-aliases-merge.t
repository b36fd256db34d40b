# an alias for a name already stored merges the two organisations
setup: import moves $FIX/moves-small.csv
setup: import moves $FIX/moves-quoted.csv
setup: import aliases $FIX/aliases-small.csv
args: moves --org "ACME labs" --level exec
status: 0
--- stdout-contains
3 moves
