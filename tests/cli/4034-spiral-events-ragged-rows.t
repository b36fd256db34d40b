# spiral --events: every record has as many fields as the first one
args: spiral --events $FIX/events-ragged.csv --time time
status: 65
--- stdout
--- stderr
$FIX/events-ragged.csv:4:4: row ends after 1 field (expected 2 fields, as in the header)
