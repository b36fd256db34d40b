# 4040-spiral-hr-export-per-head-by-default: an HR export's departures are
# taken per head without being asked, and the output says so; counted
# (--baseline trend), the same data's failed fit suggests the headcount,
# which per head it no longer does (it is in use).
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: spiral "Canadian retailer" --baseline trend --asymptotic --imputations 1
status: 0
after: "$EXODUS" spiral "Canadian retailer" --asymptotic --imputations 1 > per-head.txt && grep -qF "departures per head, as an HR export's are (--baseline trend counts them)" per-head.txt && grep -qx "would decide: a baseline that follows the known changes (--regime DATE)" per-head.txt
after: "$EXODUS" spiral "Canadian retailer" --asymptotic --imputations 1 --json | grep -q '"per_head_default": true'
--- stdout-contains
would decide: a baseline that follows the known changes (--regime DATE) or the headcount (--baseline headcount)
--- stderr
