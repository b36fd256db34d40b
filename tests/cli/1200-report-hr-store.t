# the report of an HR store: departures as counts per month on an axis the
# intensity sets (the mass days cut and labelled), a legend of the levels
# present, retention by team and hire year with bands, the cohort table,
# reasons for leaving, the contagion Cox table (with and without
# strata(team) and year) and delayed entry from the first departure
# (the day before it, so that it counts: median 24.51 years, as
# 'survival' gives by default and with --since 2005-12-31)
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: report "Canadian retailer" -o $TMP/r.html
stdout: /dev/null
after: python3 $FIX/hr-report-check.py r.html
status: 0
