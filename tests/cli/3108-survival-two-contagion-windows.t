# two contagion windows in one model: refused, not one of them fitted
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: survival "Canadian retailer" --cox "contagion(30) + contagion(180)"
status: 64
--- stderr
exodus: survival: one contagion term per model (fit contagion(W) once for each window)
