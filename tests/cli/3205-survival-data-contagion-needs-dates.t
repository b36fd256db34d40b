# contagion needs calendar days: on numeric times the command says so
args: survival --data $FIX/survival-hex.csv --time time --event status --cox "contagion(90)"
status: 64
--- stderr
exodus: survival: contagion() needs calendar days: --time and --start columns of dates (YYYY-MM-DD)
