# the store's role (the export's job title) as strata: a baseline hazard
# per job title, contagion still counted within the team; R's coxph on its
# own episodes agrees to 1e-6 (tests/ref/hr/retailer.R)
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: survival "Canadian retailer" --since 2006-01-01 --cox "contagion(90) + strata(role)" --json
stdout: $TMP/out.json
after: python3 $FIX/../ref/hr/compare.py cox out.json contagion_strata_role "contagion(90)"
status: 0
