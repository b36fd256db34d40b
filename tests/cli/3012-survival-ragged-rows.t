# survival --data: a row longer or shorter than the header is an error with
# its column (here in a file whose lines end with CR alone)
args: survival --data $FIX/survival-ragged.csv --time time --event status
status: 65
--- stdout
--- stderr
survival-ragged.csv:3:7: row has 4 fields, 1 more than the header (expected 3 fields, as in the header)
