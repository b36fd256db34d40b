# the same export twice: nothing new, nothing updated, every spell unchanged
setup: import spells --map id=EmployeeID,start=hire,end=term,team=dept,role=title,end_reason=reason --date-format %m/%d/%Y --org Shop --reason-map Resignaton=resignation,Retirement=retirement --as-of 2019-01-01 $FIX/hr-refresh-1.csv
args: import spells --map id=EmployeeID,start=hire,end=term,team=dept,role=title,end_reason=reason --date-format %m/%d/%Y --org Shop --reason-map Resignaton=resignation,Retirement=retirement --as-of 2019-01-01 $FIX/hr-refresh-1.csv
status: 0
--- stdout
$FIX/hr-refresh-1.csv: 5 rows, 0 new, 0 updated, 5 unchanged
