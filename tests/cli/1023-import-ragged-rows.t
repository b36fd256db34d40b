# A row with a field too many (an unquoted comma) or too few (the last row
# of a file still being written) is an error at the first extra field or at
# the end of the short row; rows are never cut or padded to fit the header.
args: import moves $FIX/moves-ragged.csv
status: 65
--- stdout
--- stderr
moves-ragged.csv:3:92: row has 10 fields, 1 more than the header (expected 9 fields, as in the header)
moves-ragged.csv:4:54: row ends after 8 fields (expected 9 fields, as in the header)
exodus: import: 2 errors in 'moves-ragged.csv'; nothing was imported
