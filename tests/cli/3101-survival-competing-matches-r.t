# competing risks on the retailer sample: the Aalen-Johansen cumulative
# incidence of layoff, resignation and retirement at every event time
# matches R's survfit on a multi-state Surv (tests/ref/hr/retailer.R) to
# 1e-6
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: survival "Canadian retailer" --since 2006-01-01 --competing --json
stdout: $TMP/out.json
after: python3 $FIX/../ref/hr/compare.py aj out.json
status: 0
