# contagion with a baseline per team: the time-dependent count of team
# co-workers' departures in the 90 days before each risk interval, built by
# R on its own from the raw export, gives R's coefficient, SE and
# log-likelihood; the hazard ratio falls from 1.029 to 1.004 (p = 0.34)
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: survival "Canadian retailer" --since 2006-01-01 --cox "contagion(90) + strata(team)" --json
stdout: $TMP/out.json
after: python3 $FIX/../ref/hr/compare.py cox out.json contagion_strata_team "contagion(90)"
status: 0
