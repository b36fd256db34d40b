# an HR export: its own column names, US dates, a sentinel for "no end",
# one row per employee per year folded into one spell; the columns the
# mapping leaves unread are named in a note
args: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org Shop --reason-map "Resignaton=left,Layoff=fired,Not Applicable=" $FIX/hr-export.csv
status: 0
--- stdout
$FIX/hr-export.csv: 6 rows, 3 new, 0 updated, 0 unchanged (3 rows merged into the same spell)
--- stderr
exodus: import: note: hr-export.csv:1:12: columns the mapping leaves unread: 'recorddate_key', 'STATUS'
