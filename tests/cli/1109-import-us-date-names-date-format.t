# a US date without --date-format: the summary shows one and names the flag
args: import spells --map id=EmployeeID,start=hire,end=term,end_reason=reason --org Shop $FIX/hr-reasons-unmapped.csv
status: 65
--- stderr-contains
exodus: import: 12 errors in 'hr-reasons-unmapped.csv'; nothing was imported; end reasons not known: 'Retirement', 'Resignaton', 'Layoff' (--reason-map 'Retirement=REASON,...' maps them); a date like '3/1/2015' needs --date-format (%m/%d/%Y for US dates)
