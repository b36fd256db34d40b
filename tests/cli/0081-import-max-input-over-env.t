# the flag wins over $EXODUS_MAX_INPUT: a cap of 100 bytes from the
# environment refuses the file, --max-input 1k after the command reads it
sh: ! EXODUS_MAX_INPUT=100 "$EXODUS" import moves $FIX/moves-small.csv 2> env.err && grep -q 'goes on past 100 bytes' env.err
sh: EXODUS_MAX_INPUT=100 "$EXODUS" import --max-input 1k moves $FIX/moves-small.csv
args: orgs
status: 0
--- stdout-contains
Acme
