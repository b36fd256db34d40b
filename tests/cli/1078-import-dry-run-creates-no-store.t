# a dry run into a store that is not there writes nothing, not even an
# empty store
args: import moves $FIX/moves-small.csv --dry-run
status: 66
after: test ! -e test.db
--- stdout
--- stderr-contains
cannot open the store
