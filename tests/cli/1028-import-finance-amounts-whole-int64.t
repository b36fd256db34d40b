# Amounts are whole US dollars in 64 bits: a fraction, an exponent, a
# hexadecimal number and a value past INT64_MAX are errors (they were
# stored as REAL: 100.5 and 1e-3 went in, 23 digits became 1e+23)
args: import finance $FIX/finance-amounts.csv
status: 65
--- stdout
--- stderr
finance-amounts.csv:2:31: malformed amount '100.5' in field 'amount_usd' (expected whole US dollars, e.g. 6600000000)
finance-amounts.csv:3:31: malformed amount '1e-3' in field 'amount_usd' (expected whole US dollars, e.g. 6600000000)
finance-amounts.csv:4:31: malformed amount '0x10' in field 'amount_usd' (expected whole US dollars, e.g. 6600000000)
finance-amounts.csv:5:31: amount '12345678901234567890123' in field 'amount_usd' is too large (expected at most 9223372036854775807 whole US dollars)
finance-amounts.csv:6:31: negative amount '-99999999999999999999' in field 'amount_usd' (expected 0 or more; a loss is kind 'burn' with a positive amount)
exodus: import: 5 errors in 'finance-amounts.csv'; nothing was imported
