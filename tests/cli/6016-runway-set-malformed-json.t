# --set a JSON value that does not parse
args: runway $FIX/scenario-small.json --set 'cash_usd={"dist":'
status: 64
--- stderr
exodus: runway: --set cash_usd: malformed JSON value: unexpected token near end of file at column 8
