# an import never turns someone else's SQLite database into a store: it is
# refused by name and left byte for byte as it was
sh: sqlite3 other.db "CREATE TABLE t (x); INSERT INTO t VALUES (1);" && md5sum other.db > other.md5
args: --db other.db import moves $FIX/moves-small.csv
status: 74
after: md5sum -c other.md5
after: test "$(sqlite3 other.db .tables)" = t
--- stdout
--- stderr
exodus: import: 'other.db' is an SQLite database but not an exodus store; it was left as it was
