# --mass-events exclude: the 220 departures of the two mass days are left out (1265)
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: spiral "Canadian retailer" --mass-events exclude --asymptotic --imputations 1
status: 0
--- stdout-contains
  departures     1265 (dated to the day 1265, month 0, year 0)
  mass events    2 days with 10 or more, far above the quarter around them (2014-12-30: 144, 2015-12-30: 76), 220 departures: left out (--mass-events exclude)
  excitation     jump alpha 0.8469 /month (SE 0.19), decay beta 1.494 /month (SE 0.38; half-life 14.1 days)
  fit            KS p = 0.551 (Hawkes), 0.0914 (trend only)
