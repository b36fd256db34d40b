# spiral --events: "0x10" is not a time (strtod read it as 16)
args: spiral --events $FIX/events-hex.csv --time time
status: 65
--- stdout
--- stderr
$FIX/events-hex.csv:4:1: '0x10' is not a time (expected a number or a date as YYYY-MM-DD, YYYY-MM or YYYY)
