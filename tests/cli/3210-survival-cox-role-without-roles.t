# --cox role on spells that record no role: the error names the flag
setup: import spells $FIX/spells-no-team.csv
args: survival Acme --cox "strata(role)"
status: 64
--- stderr
exodus: survival: --cox role: these spells have no role (import one with --map role=COLUMN)
