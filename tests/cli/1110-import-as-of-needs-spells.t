# --as-of and --full-snapshot describe an HR export: a moves file is refused
args: import moves --as-of 2020-01-01 $FIX/moves-small.csv
status: 64
--- stderr
exodus: import: --as-of applies to spells imports only
