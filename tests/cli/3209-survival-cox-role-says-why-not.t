# the role factor on the retailer: one job title (CEO) never leaves, so
# its coefficient has no finite estimate; the command says so and which
# term, rather than printing a number
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: survival "Canadian retailer" --since 2006-01-01 --cox "contagion(90) + role"
stdout: /dev/null
status: 1
--- stderr-contains
exodus: survival: monotone likelihood: the coefficient of 'roleCEO' runs off to infinity (it separates the events from the rest, e.g. a group with no events or only events)
