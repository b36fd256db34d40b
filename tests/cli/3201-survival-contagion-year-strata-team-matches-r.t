# contagion adjusted for the calendar year with a baseline per team, as a
# people-analytics team would ask it: R's coxph on its own split episodes
# agrees to 1e-6 (tests/ref/hr/retailer.R)
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: survival "Canadian retailer" --since 2006-01-01 --cox "contagion(90) + year + strata(team)" --json
stdout: $TMP/out.json
after: python3 $FIX/../ref/hr/compare.py cox out.json contagion_year_strata_team_year year
after: python3 $FIX/../ref/hr/compare.py cox out.json contagion_year_strata_team_contagion "contagion(90)"
status: 0
