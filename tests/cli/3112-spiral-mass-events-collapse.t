# --mass-events collapse: each mass day is one departure (1485 - 220 + 2 = 1267), a shock rather than 220 departures triggering each other; without them the clustering has a 14-day half-life and the Hawkes model fits (KS p = 0.65); per head, as an HR export is analysed by default
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: spiral "Canadian retailer" --mass-events collapse --asymptotic --imputations 1
status: 0
--- stdout-contains
  departures     1267 (dated to the day 1267, month 0, year 0)
  mass events    2 days with 10 or more, far above the quarter around them (2014-12-30: 144, 2015-12-30: 76), 220 departures: each counted as one departure, a shock (--mass-events collapse)
  excitation     jump alpha 0.8493 /month (SE 0.19), decay beta 1.504 /month (SE 0.39; half-life 14 days)
  fit            KS p = 0.652 (Hawkes), 0.079 (trend only)
