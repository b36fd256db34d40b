#!/bin/sh
# import-schema-floor.sh - what SQLite alone needs to write 10^6 moves into
# the store's schema and into two leaner variants of the move table, with
# no exodus code involved: the rows are already validated and resolved to
# ids in a temporary table, and are written the way the importer writes
# them (one transaction, no per-row foreign-key checks, read indexes
# rebuilt at the end in 2 MiB sorter runs). The destination organisation is
# drawn independently of the origin, as in real data. Prints seconds per
# phase and rows per second; asserts nothing.
#
#   store       src/store/schema/001_init.sql as it is
#   int-enums   level, event and date_precision stored as small integers
#   one-read    the natural key ordered (from_org_id, date, ...) so that it
#               also serves the from-organisation look-ups, move_from
#               dropped, integers as above
set -eu
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { echo "import-schema-floor: needs sqlite3 (scripts/deps installs it)" >&2; exit 1; }
db=$(mktemp -d)/floor.db
trap 'rm -rf "$(dirname "$db")"' EXIT INT TERM
rows=1000000

text_enums="level TEXT NOT NULL CHECK (level = 'founder' OR level = 'exec' OR level = 'lead' OR level = 'ic' OR level = 'board'),
    event TEXT NOT NULL CHECK (event = 'left' OR event = 'joined' OR event = 'sabbatical' OR event = 'returned' OR event = 'fired' OR event = 'founded'),
    date INTEGER NOT NULL,
    date_precision TEXT NOT NULL CHECK (date_precision = 'day' OR date_precision = 'month' OR date_precision = 'year')"
int_enums="level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
    event INTEGER NOT NULL CHECK (event BETWEEN 0 AND 5),
    date INTEGER NOT NULL,
    date_precision INTEGER NOT NULL CHECK (date_precision BETWEEN 0 AND 2)"

# $1 name, $2 schema SQL, $3 level/event/precision values, $4 indexes to
# drop before the insert, $5 indexes to build after it
run() {
    rm -f "$db" "$db-wal" "$db-shm"
    sqlite3 "$db" >"$db.out" <<SQL
PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -524288;
$2
INSERT INTO org (id, name, name_key) SELECT value, 'Org ' || value, 'org ' || value FROM generate_series(1, 50);
INSERT INTO source (id, url) SELECT value, 'https://example.org/' || value FROM generate_series(1, 1000);
INSERT INTO person (id, name, name_key) SELECT value, 'Person ' || value, 'person ' || value FROM generate_series(1, $rows / 5);
CREATE TEMP TABLE src AS SELECT 1 + value % ($rows / 5) AS p, 1 + value % 50 AS f,
    1 + abs(random()) % 50 AS t, 'engineer' AS role, $3,
    15000 + (value / ($rows / 5)) * 30 + value % 7 AS d, 1 + value % 1000 AS s
    FROM generate_series(0, $rows - 1);
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
$4
.timer on
.print phase insert
INSERT INTO move (person_id, from_org_id, to_org_id, role, level, event, date_precision, date, source_id) SELECT * FROM src;
.print phase index
PRAGMA cache_spill = OFF; PRAGMA cache_size = -2048;
$5
.print phase commit
COMMIT;
SQL
    awk -v name="$1" -v rows="$rows" '
        /^phase / { phase = $2 }
        /^Run Time/ { t[phase] += $4 }
        END {
            total = t["insert"] + t["index"] + t["commit"]
            printf "%-10s %9.3f %9.3f %9.3f %9.3f %10.0f\n", name,
                   t["insert"], t["index"], t["commit"], total, rows / total
        }' "$db.out"
}

store_schema=$(cat src/store/schema/001_init.sql)
base="CREATE TABLE org (id INTEGER PRIMARY KEY, name TEXT, name_key TEXT);
CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, name_key TEXT);
CREATE TABLE source (id INTEGER PRIMARY KEY, url TEXT);"
move_head="CREATE TABLE move (id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    from_org_id INTEGER REFERENCES org(id), to_org_id INTEGER REFERENCES org(id),
    role TEXT,"
move_tail="source_id INTEGER REFERENCES source(id));"
key="CREATE UNIQUE INDEX move_key ON move(person_id, event, date, IFNULL(from_org_id, 0), IFNULL(to_org_id, 0));"
read_indexes="CREATE INDEX move_from ON move(from_org_id, date);
CREATE INDEX move_to ON move(to_org_id, date);"

printf '%-10s %9s %9s %9s %9s %10s\n' schema "insert s" "index s" "commit s" "total s" "rows/s"
run store "$store_schema" "'ic', 'left', 'day'" \
    "DROP INDEX move_from; DROP INDEX move_to;" "$read_indexes"
run int-enums "$base $move_head $int_enums, $move_tail $key $read_indexes" \
    "3, 0, 0" "DROP INDEX move_from; DROP INDEX move_to;" "$read_indexes"
run one-read "$base $move_head $int_enums, $move_tail
CREATE UNIQUE INDEX move_key ON move(from_org_id, date, person_id, event, IFNULL(to_org_id, 0));
CREATE UNIQUE INDEX move_key_nofrom ON move(person_id, event, date, IFNULL(to_org_id, 0)) WHERE from_org_id IS NULL;
CREATE INDEX move_to ON move(to_org_id, date) WHERE to_org_id IS NOT NULL;" \
    "3, 0, 0" "DROP INDEX move_to;" \
    "CREATE INDEX move_to ON move(to_org_id, date) WHERE to_org_id IS NOT NULL;"
