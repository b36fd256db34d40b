# survival --data: a NUL byte (here in the header) is an error at its place
args: survival --data $FIX/survival-nul.csv --time time --event status
status: 65
--- stdout
--- stderr
survival-nul.csv:1:9: NUL byte (expected text, which never holds one)
