# 9604-scan-per-head-rate: where spells give a headcount the table shows
# departures per head per year over the spiral's window; the average
# headcount is checked against SQL over the spell table (each spell's days
# inside 2006-01-01 .. 2015-12-30, an open one to the end), and the rate is
# 1485 / 4807.1159 / (3651 / 365.25) = 3.09%. Moves alone give none.
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=left,Retirement=left,Layoff=fired,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
setup: import moves $DATA/ai-lab-moves.csv
args: scan "Canadian retailer" OpenAI --bootstrap 39 --imputations 2 --paths 1000
status: 0
after: "$EXODUS" scan "Canadian retailer" --bootstrap 39 --imputations 2 --paths 1000 --json | grep -q '"headcount": 4807.1158586688'
after: test "$(sqlite3 test.db "WITH w(a,b) AS (SELECT julianday('2006-01-01')-julianday('1970-01-01'), julianday('2015-12-31')-julianday('1970-01-01')) SELECT printf('%.7f', SUM(MAX(0, MIN(COALESCE(end_date+1,b),b) - MAX(start_date,a)))/(b-a)) FROM spell, w WHERE org_id=(SELECT id FROM org WHERE name='Canadian retailer') AND start_date IS NOT NULL")" = 4807.1158587
--- stdout-contains
Canadian retailer        1485         3.1%  0.26 (0.22-0.31)  inconclusive                   up 160%   60 (45-75) in 180d
OpenAI                     72            -  0.21 (0.00-0.47)  self-exciting but subcritical  up 1075%  12 (6-18) in 180d
2 organisations, 2 fitted; seed 1
--- stderr
