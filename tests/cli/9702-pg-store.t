# 9702-pg-store: the PostgreSQL store on its own (tests/pg/store): a read on
# an empty database creates nothing; bad rows report FILE:LINE:COLUMN and
# nothing is written; a second import adds nothing; the record tables are
# hash-partitioned by org_id; an absent server is a clear error that never
# shows a password. Fails, never skips, when the server cannot start.
args: --version
status: 0
after: "$FIX/../pg/store" "$EXODUS"
--- stdout
exodus $VERSION
