# the synthetic HRDataset_v14 export read in place (licence unknown, not bundled)
args: import spells --map person=Employee_Name,id=EmpID,start=DateofHire,end=DateofTermination,team=Department,role=Position,end_reason=TermReason --date-format %m/%d/%Y --org "Dental Magic" --reason-map "N/A-StillEmployed=,attendance=fired,performance=fired,gross misconduct=fired,*=left" $SHARED/data/hr/HRDataset_v14.csv
status: 0
--- stdout-contains
HRDataset_v14.csv: 311 rows, 311 new, 0 updated, 0 unchanged
