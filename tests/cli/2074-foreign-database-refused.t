# a read of an SQLite database exodus did not make is refused by name, and
# the file is left byte for byte as it was (no WAL switch, no tables)
sh: sqlite3 other.db "CREATE TABLE t (x); INSERT INTO t VALUES (1);" && md5sum other.db > other.md5
args: --db other.db orgs
status: 74
after: md5sum -c other.md5
after: test ! -e other.db-wal
--- stdout
--- stderr
exodus: orgs: 'other.db' is an SQLite database but not an exodus store; it was left as it was
