# end reasons exodus does not know: each row's error lists the vocabulary,
# and the summary lists the values seen and the flag that maps them
args: import spells --map id=EmployeeID,start=hire,end=term,end_reason=reason --date-format %m/%d/%Y --org Shop $FIX/hr-reasons-unmapped.csv
status: 65
--- stderr
exodus: import: note: hr-reasons-unmapped.csv:1:22: columns the mapping leaves unread: 'dept', 'title'
hr-reasons-unmapped.csv:2:35: unknown end_reason 'Retirement' (expected resignation, retirement, layoff, dismissal, end_of_contract, death, transfer or other; or left, sabbatical, fired, died, acquired or unknown)
hr-reasons-unmapped.csv:3:36: unknown end_reason 'Resignaton' (expected resignation, retirement, layoff, dismissal, end_of_contract, death, transfer or other; or left, sabbatical, fired, died, acquired or unknown)
hr-reasons-unmapped.csv:4:36: unknown end_reason 'Resignaton' (expected resignation, retirement, layoff, dismissal, end_of_contract, death, transfer or other; or left, sabbatical, fired, died, acquired or unknown)
hr-reasons-unmapped.csv:5:37: unknown end_reason 'Layoff' (expected resignation, retirement, layoff, dismissal, end_of_contract, death, transfer or other; or left, sabbatical, fired, died, acquired or unknown)
exodus: import: 4 errors in 'hr-reasons-unmapped.csv'; nothing was imported; end reasons not known: 'Retirement', 'Resignaton', 'Layoff' (--reason-map 'Retirement=REASON,...' maps them)
