args: import moves $FIX/moves-unknown-column.csv
status: 65
--- stderr
moves-unknown-column.csv:1:46: unknown column 'precision' in moves file (expected person, from_org, to_org, role, level, event, date, date_precision, source_url, or --map FIELD=COLUMN)
exodus: import: 1 error in 'moves-unknown-column.csv'; nothing was imported
