# A file with a header and no rows imports nothing and succeeds.
args: import spells $FIX/spells-header-only.csv
status: 0
--- stdout
$FIX/spells-header-only.csv: 0 rows, 0 new, 0 updated, 0 unchanged
