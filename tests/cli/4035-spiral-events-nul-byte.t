# spiral --events: a NUL byte is an error at its place, not the end of a time
args: spiral --events $FIX/events-nul.csv --time time
status: 65
--- stdout
--- stderr
$FIX/events-nul.csv:3:4: NUL byte (expected text, which never holds one)
