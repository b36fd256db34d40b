# --cox level on spells that record no level (the retailer's export has
# none): the term cannot be fitted, and the command says so instead of
# dropping it silently
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: survival "Canadian retailer" --cox "level + contagion(90)"
status: 0
--- stderr-contains
exodus: survival: note: no spell records a level: the term level is left out
