# a column that is not in the file is a usage error naming it
args: survival --data $SHARED/data/survival-ref/lung.csv --time days --event status
status: 64
--- stdout
--- stderr
exodus: survival: no column 'days' in 'lung.csv'
