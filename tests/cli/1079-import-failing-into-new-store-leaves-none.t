# an import whose file is refused, into a store that was not there, leaves
# no empty store behind (it used to create one); into a store that was
# there, the store stays (1004)
args: import moves $FIX/moves-bad.csv
status: 65
after: test ! -e test.db && test ! -e test.db-wal && test ! -e test.db-journal
--- stdout
--- stderr-contains
exodus: import: 7 errors in 'moves-bad.csv'; nothing was imported
