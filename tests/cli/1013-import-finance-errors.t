args: import finance $FIX/finance-bad.csv
status: 65
--- stderr
finance-bad.csv:2:31: negative amount '-5' in field 'amount_usd' (expected 0 or more; a loss is kind 'burn' with a positive amount)
finance-bad.csv:3:23: unknown kind 'gift' (expected funding, valuation, revenue, burn, deal, lawsuit or other)
finance-bad.csv:4:31: malformed amount '12abc' in field 'amount_usd' (expected whole US dollars, e.g. 6600000000)
exodus: import: 3 errors in 'finance-bad.csv'; nothing was imported
