# 4018-spiral-baseline-headcount-json: the baseline and headcount fields
setup: import spells --map person=Employee_Name,id=EmpID,start=DateofHire,end=DateofTermination,team=Department,role=Position,end_reason=TermReason --date-format %m/%d/%Y --org "Dental Magic" --reason-map "N/A-StillEmployed=,attendance=fired,performance=fired,gross misconduct=fired,*=left" $SHARED/data/hr/HRDataset_v14.csv
args: spiral "Dental Magic" --baseline headcount --json
status: 0
--- stdout-contains
  "org": "Dental Magic",
  "time_unit": "day",
    "kind": "trend",
    "per_head": true,
  "headcount": {
    "spells": 311,
    "method": "parametric bootstrap",
  "verdict": {
--- stderr
