# --cox team on spells that carry no team: the error says how to import one
setup: import spells $FIX/spells-no-team.csv
args: survival Acme --cox team
status: 64
--- stderr
exodus: survival: --cox team: these spells have no team (import one with --map team=COLUMN)
