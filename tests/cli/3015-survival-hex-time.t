# survival --data: times are decimal numbers; strtod's hexadecimal ("0x2")
# is not one (it was read as 2)
args: survival --data $FIX/survival-hex.csv --time time --event status
status: 65
--- stdout
--- stderr
survival-hex.csv:3:1: malformed time '0x2' in column 'time' (expected a decimal number such as 12, 0.5 or 1e-3)
