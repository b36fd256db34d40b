# the cause-specific Cox model of layoff (other departures censored), tenure
# on entering observation as covariate, a baseline per team: R's
# multi-state coxph gives the same coefficient and SE to 1e-6
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: survival "Canadian retailer" --since 2006-01-01 --cause layoff --cox "entry + strata(team)" --json
stdout: $TMP/out.json
after: python3 $FIX/../ref/hr/compare.py cox out.json cs_layoff entry_tenure
status: 0
