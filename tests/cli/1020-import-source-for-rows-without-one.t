# --source is the provenance of rows that carry no source_url of their own
setup: import moves --source https://example.org/batch $FIX/moves-quoted.csv
args: --json moves --org Acme
status: 0
--- stdout-contains
"source_url": "https://example.org/batch"
