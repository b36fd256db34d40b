# event values other than 0/1 or 1/2 are a data error with the line
args: survival --data $SHARED/data/survival-ref/lung.csv --time time --event age
status: 65
--- stdout
--- stderr
lung.csv:2: event is not 0/1 (or 1/2): '74' in column 'age'
