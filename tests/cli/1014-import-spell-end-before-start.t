args: import spells $FIX/spells-end-before-start.csv
status: 65
--- stderr
spells-end-before-start.csv:2:43: end 2020-01-01 is before start 2021-01-01 (expected end on or after start)
exodus: import: 1 error in 'spells-end-before-start.csv'; nothing was imported
