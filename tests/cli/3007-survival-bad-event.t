# event values other than 0/1 or 1/2 are a data error with line and column
args: survival --data $SHARED/data/survival-ref/lung.csv --time time --event age
status: 65
--- stdout
--- stderr
lung.csv:2:9: unexpected event '74' in column 'age' (expected 0/1, or 1/2 when the column's largest value is 2)
