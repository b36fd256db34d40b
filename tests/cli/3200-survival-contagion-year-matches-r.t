# calendar-time adjustment: 'year' is the calendar year of each risk
# interval, the intervals split on every 1 January; R, splitting its own
# contagion episodes with survSplit, gives the same coefficients, SEs and
# log-likelihood (tests/ref/hr/retailer.R)
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: survival "Canadian retailer" --since 2006-01-01 --cox "contagion(90) + year" --json
stdout: $TMP/out.json
after: python3 $FIX/../ref/hr/compare.py cox out.json contagion_year_year year
after: python3 $FIX/../ref/hr/compare.py cox out.json contagion_year_contagion "contagion(90)"
status: 0
