# 4016-spiral-baseline-headcount-absorbs-growth: per head of the headcount
# from the spells. The window starts at the export's first departure.
setup: import spells --map person=Employee_Name,id=EmpID,start=DateofHire,end=DateofTermination,team=Department,role=Position,end_reason=TermReason --date-format %m/%d/%Y --org "Dental Magic" --reason-map "N/A-StillEmployed=,attendance=fired,performance=fired,gross misconduct=fired,*=left" $SHARED/data/hr/HRDataset_v14.csv
args: spiral "Dental Magic" --baseline headcount
status: 0
--- stdout-contains
  window         from 2010-08-30 (the first departure the HR export records (before it, the export shows hires but cannot show leavers)) through 2018-11-10 (the last date the HR export records)
  headcount
per head /month
baseline: a constant rate per head (no change chosen by modified BIC)
--- stderr
