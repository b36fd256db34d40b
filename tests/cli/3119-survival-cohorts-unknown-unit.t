# an unknown --cohorts unit names the two
setup: import spells $FIX/spells-no-team.csv
args: survival Acme --cohorts month
status: 64
--- stderr
exodus: survival: unknown --cohorts 'month' (expected year or quarter)
