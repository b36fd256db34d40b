# A quote inside an unquoted field: its column, in this project's words
# (libcsv's "error parsing data while strict checking enabled" had none)
args: import moves $FIX/moves-quote-in-field.csv
status: 65
--- stdout
--- stderr
moves-quote-in-field.csv:3:28: quote inside an unquoted field (expected the whole field in quotes, each quote in it doubled: "say ""hi""")
exodus: import: 1 error in 'moves-quote-in-field.csv'; nothing was imported
