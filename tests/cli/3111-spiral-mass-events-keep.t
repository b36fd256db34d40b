# by default the mass events are flagged and analysed as they are: two year-end days (144 and 76 departures, layoffs and retirements) against a daily rate of 0.4; the output names the mode and what collapse would do
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: spiral "Canadian retailer" --mass-events keep --asymptotic --imputations 1
status: 0
--- stdout-contains
  departures     1485 (dated to the day 1485, month 0, year 0)
  mass events    2 days with 10 or more (2014-12-30: 144, 2015-12-30: 76), 220 departures: kept as they are; collapse counts each day once (--mass-events keep)
  excitation     jump alpha 34.3 /month (SE 4.2), decay beta 135.4 /month (SE 20; half-life 0.156 days)
  fit            KS p = 6.63e-05 (Hawkes), 4.64e-28 (trend only)
