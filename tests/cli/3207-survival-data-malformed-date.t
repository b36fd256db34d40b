# a column of dates with one that is not YYYY-MM-DD: file, line and column
args: survival --data $FIX/hr-dates-bad.csv --start hire --time term --event left
status: 65
--- stderr
hr-dates-bad.csv:4:14: malformed date '05/02/2011' in column 'term' (expected a date YYYY-MM-DD, as the column's first)
