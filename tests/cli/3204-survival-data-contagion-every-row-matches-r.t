# contagion(W) without a group column counts every row's events in the W
# days before each risk interval; R agrees to 1e-6
args: survival --data $FIX/hr-dates.csv --start hire --time term --event left --cox "contagion(30)" --json
stdout: $TMP/out.json
after: REF=data_contagion.json python3 $FIX/../ref/hr/compare.py cox out.json all_contagion "contagion(30)"
status: 0
