# --at with a unit it does not know names the units
setup: import spells $FIX/spells-no-team.csv
args: survival Acme --at 1x
status: 64
--- stderr
exodus: survival: --at: unknown unit in '1x' (expected d, w, m or y)
