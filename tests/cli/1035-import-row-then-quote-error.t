# A quoting error after a row's error is listed too (it was dropped, the
# first error holding the only slot the reader could report into)
args: import moves $FIX/moves-row-then-quote-error.csv
status: 65
--- stdout
--- stderr
moves-row-then-quote-error.csv:3:92: row has 10 fields, 1 more than the header (expected 9 fields, as in the header)
moves-row-then-quote-error.csv:4:12: 'x' after the closing quote of a field (expected a comma or the end of the line after it; a quote inside a quoted field is written twice)
exodus: import: 2 errors in 'moves-row-then-quote-error.csv'; nothing was imported
