# --full-snapshot: the spell the export leaves out ends on the --as-of date, reason unknown; the export date is recorded
setup: import spells --map id=EmployeeID,start=hire,end=term,team=dept,role=title,end_reason=reason --date-format %m/%d/%Y --org Shop --reason-map Resignaton=resignation,Retirement=retirement --as-of 2019-01-01 $FIX/hr-refresh-1.csv
args: import spells --map id=EmployeeID,start=hire,end=term,team=dept,role=title,end_reason=reason --date-format %m/%d/%Y --org Shop --reason-map Resignaton=resignation,Retirement=retirement --as-of 2019-12-31 --full-snapshot $FIX/hr-refresh-2.csv
after: test "$(sqlite3 test.db "SELECT s.start_date, s.end_date, s.end_precision, s.end_reason, s.leave_reason, s.team FROM spell s JOIN person p ON p.id = s.person_id WHERE p.ext_key = '4'")" = '17563|18261|day|unknown||Dairy'
after: test "$(sqlite3 test.db "SELECT as_of FROM export_as_of")" = '18261'
after: test "$(sqlite3 test.db "SELECT COUNT(*) FROM spell WHERE end_date IS NULL")" = '3'
status: 0
--- stdout
$FIX/hr-refresh-2.csv: 5 rows, 1 new, 3 updated, 1 unchanged
  1 stored spell is not in this file (1 open): the open one ended on 2019-12-31 (--as-of), reason unknown (--full-snapshot)
