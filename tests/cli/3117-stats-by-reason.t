# departures by reason for leaving: employee 5 resigned in 2018, employee 1
# retired in 2019 and employee 4 is ended by --full-snapshot without a
# reason ("not given"); voluntary attrition counts the resignation and the
# retirement only (2019: 1 over the year's average headcount)
setup: import spells --map id=EmployeeID,start=hire,end=term,team=dept,role=title,end_reason=reason --date-format %m/%d/%Y --org Shop --reason-map Resignaton=resignation,Retirement=retirement --as-of 2019-01-01 $FIX/hr-refresh-1.csv
setup: import spells --map id=EmployeeID,start=hire,end=term,team=dept,role=title,end_reason=reason --date-format %m/%d/%Y --org Shop --reason-map Resignaton=resignation,Retirement=retirement --as-of 2019-12-31 --full-snapshot $FIX/hr-refresh-2.csv
args: stats Shop --by reason --since 2018-01-01
status: 0
--- stdout
Shop: departures and arrivals per year, 2018 .. 2019
  period  departures  arrivals  headcount  attrition/yr  voluntary/yr  resignation  retirement  not given
  2018             1         1        4.5         22.3%         22.3%            1           0          0
  2019             2         1        4.5         44.5%         22.2%            0           1          1
  total            3         2
core team: no founders or executives recorded
