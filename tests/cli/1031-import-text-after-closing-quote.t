# Text after a field's closing quote: the character and its column
args: import moves $FIX/moves-quote-after-close.csv
status: 65
--- stdout
--- stderr
moves-quote-after-close.csv:3:35: 'l' after the closing quote of a field (expected a comma or the end of the line after it; a quote inside a quoted field is written twice)
exodus: import: 1 error in 'moves-quote-after-close.csv'; nothing was imported
