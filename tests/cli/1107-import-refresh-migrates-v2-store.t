# a store made at schema version 2 (before leave reasons and export dates):
# a refresh migrates it to 3, keeps its open spell and ends it from the file
sh: sqlite3 test.db < $FIX/../../src/store/schema/001_init.sql && sqlite3 test.db < $FIX/../../src/store/schema/002_finance_integer_amounts.sql
sh: sqlite3 test.db "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1), (2); INSERT INTO org (id, name, name_key) VALUES (1, 'Shop', 'shop'); INSERT INTO person (id, name, name_key, ext_key) VALUES (1, 'employee 1', 'employee 1', '1'); INSERT INTO spell (person_id, org_id, team, start_date, start_precision) VALUES (1, 1, 'Stores', 16495, 'day')"
args: import spells --map id=EmployeeID,start=hire,end=term,team=dept,role=title,end_reason=reason --date-format %m/%d/%Y --org Shop --reason-map Resignaton=resignation,Retirement=retirement $FIX/hr-refresh-2.csv
after: test "$(sqlite3 test.db 'SELECT MAX(version) FROM schema_version')" = 3
after: test "$(sqlite3 test.db 'SELECT end_date, end_reason, leave_reason, team FROM spell WHERE person_id = 1')" = '18169|left|retirement|Stores'
status: 0
--- stdout
$FIX/hr-refresh-2.csv: 5 rows, 4 new, 1 updated, 0 unchanged
