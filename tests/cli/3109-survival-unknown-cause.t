# a cause the spells do not have: the error lists the ones they have
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: survival "Canadian retailer" --cause quit
status: 64
--- stderr
exodus: survival: no departures for --cause 'quit' (these spells have: layoff, resignation, retirement; or voluntary, involuntary)
