# open spells are censored at the export's date (import --as-of), not at
# the last recorded event (2019-09-30); by hand: events at 1548 and 1674
# days with 2 and 1 at risk, so S falls to 0.5 at 1548 and the median is
# R's midpoint (1548 + 1674) / 2 = 1611 days = 4.41 y
setup: import spells --map id=EmployeeID,start=hire,end=term,team=dept,role=title,end_reason=reason --date-format %m/%d/%Y --org Shop --reason-map Resignaton=resignation,Retirement=retirement --as-of 2019-01-01 $FIX/hr-refresh-1.csv
setup: import spells --map id=EmployeeID,start=hire,end=term,team=dept,role=title,end_reason=reason --date-format %m/%d/%Y --org Shop --reason-map Resignaton=resignation,Retirement=retirement --as-of 2019-12-31 --full-snapshot $FIX/hr-refresh-2.csv
args: survival Shop
status: 0
--- stdout
Shop: 6 spells, 2 departures (left or fired); tenure in years, open spells censored at 2019-12-31 (the export's date, import --as-of)
Kaplan-Meier overall (95% CI, log)
  group  n  events  median       95% CI  retained at 2 y           95% CI
  all    6       2  4.41 y  4.24 y - NA           100.0%  100.0% - 100.0%
