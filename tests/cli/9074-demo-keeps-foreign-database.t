# the demo replaces its store, but never a file that is not one: --db
# naming someone else's SQLite database by mistake leaves it as it was
sh: sqlite3 other.db "CREATE TABLE t (x); INSERT INTO t VALUES (1);" && md5sum other.db > other.md5
args: --db other.db demo
status: 74
after: md5sum -c other.md5
--- stdout
--- stderr
exodus: demo: 'other.db' is an SQLite database but not an exodus store; it was left as it was
