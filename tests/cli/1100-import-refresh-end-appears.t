# a later export gives an open spell an end (employee 1 retires): the re-import updates it, and says so
setup: import spells --map id=EmployeeID,start=hire,end=term,team=dept,role=title,end_reason=reason --date-format %m/%d/%Y --org Shop --reason-map Resignaton=resignation,Retirement=retirement --as-of 2019-01-01 $FIX/hr-refresh-1.csv
args: import spells --map id=EmployeeID,start=hire,end=term,team=dept,role=title,end_reason=reason --date-format %m/%d/%Y --org Shop --reason-map Resignaton=resignation,Retirement=retirement $FIX/hr-refresh-2.csv
after: test "$(sqlite3 test.db "SELECT s.start_date, s.end_date, s.end_precision, s.end_reason, s.leave_reason, s.team FROM spell s JOIN person p ON p.id = s.person_id WHERE p.ext_key = '1'")" = '16495|18169|day|left|retirement|Stores'
status: 0
--- stdout
$FIX/hr-refresh-2.csv: 5 rows, 1 new, 3 updated, 1 unchanged
  1 stored spell is not in this file (1 open): left open (a file may list only part of the staff); --full-snapshot ends them when it lists everyone
