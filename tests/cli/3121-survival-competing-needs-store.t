# --competing reads the store's reasons for leaving: not with --data
args: survival --data $FIX/spells-no-team.csv --time t --event e --competing
status: 64
--- stderr
exodus: survival: --competing reads the store's spells (not with --data)
