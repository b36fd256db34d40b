# 4017-spiral-baseline-constant-same-data: --baseline constant fits one
# rate, and no constant-rate reading is printed beside it (it is the fit).
setup: import spells --map person=Employee_Name,id=EmpID,start=DateofHire,end=DateofTermination,team=Department,role=Position,end_reason=TermReason --date-format %m/%d/%Y --org "Dental Magic" --reason-map "N/A-StillEmployed=,attendance=fired,performance=fired,gross misconduct=fired,*=left" $SHARED/data/hr/HRDataset_v14.csv
args: spiral "Dental Magic" --baseline constant
status: 0
--- stdout-contains
  trend only     constant rate 1.06 /month from 2010-08-30 (104)
baseline: a constant rate;
--- stderr
