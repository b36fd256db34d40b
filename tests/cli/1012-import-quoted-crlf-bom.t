# embedded commas, doubled quotes, a newline inside a field, CRLF, a BOM
setup: import moves $FIX/moves-quoted.csv
args: --json moves --org Acme
status: 0
--- stdout-contains
"person": "Smith, Jr., Ann",
"role": "VP of \"research\"\r\nand safety",
