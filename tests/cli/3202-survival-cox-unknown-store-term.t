# a term the store cannot give (age is a column of the export the store
# does not keep) is refused, naming the terms it can fit
setup: import spells $FIX/spells-no-team.csv
args: survival Acme --cox "age + contagion(90)"
status: 64
--- stderr
exodus: survival: unknown term 'age' in --cox (expected level, org, team, role, strata(team), strata(role), entry, year or contagion(DAYS); the store keeps no other column of a spell)
