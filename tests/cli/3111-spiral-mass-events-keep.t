# by default the mass events are flagged and analysed as they are: two year-end days (144 and 76 departures, layoffs and retirements) against a daily rate of 0.4; the output names the mode and what collapse would do
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: spiral "Canadian retailer" --mass-events keep --asymptotic --imputations 1
status: 0
--- stdout-contains
  departures     1485 (dated to the day 1485, month 0, year 0)
  mass events    2 days with 10 or more, far above the quarter around them (2014-12-30: 144, 2015-12-30: 76), 220 departures: kept as they are; collapse counts each day once (--mass-events keep)
  excitation     jump alpha 29.87 /month (SE 3.4), decay beta 113.8 /month (SE 15; half-life 0.185 days)
  fit            KS p = 2.76e-05 (Hawkes), 1.26e-26 (trend only)
