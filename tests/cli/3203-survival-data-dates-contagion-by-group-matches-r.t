# --data with dates: tenure from --start (hire) to --time (termination,
# empty while employed: censored on the file's latest date), and contagion
# over a group column with a baseline per group and a numeric covariate;
# R's coxph on its own episodes (tests/ref/hr/data_contagion.R, which also
# writes the fixture: the retailer's hires from 2006 on) agrees to 1e-6
args: survival --data $FIX/hr-dates.csv --start hire --time term --event left --cox "contagion(90, dept) + age + strata(dept)" --at 730 --json
stdout: $TMP/out.json
after: REF=data_contagion.json python3 $FIX/../ref/hr/compare.py km out.json
after: REF=data_contagion.json python3 $FIX/../ref/hr/compare.py cox out.json dept_contagion "contagion(90)"
after: REF=data_contagion.json python3 $FIX/../ref/hr/compare.py cox out.json dept_age age
status: 0
