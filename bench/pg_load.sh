#!/usr/bin/env bash
# bench/pg_load.sh [SPELLS] [ORGS] - the same synthetic spells file
# (bench/gen_scan_store.py: heavy-tailed organisation sizes) imported into a
# fresh SQLite store and a fresh PostgreSQL store (a private server from
# tests/pg/server, fsync off as the tests run it), then a few reads timed on
# each. Prints figures, asserts nothing. Defaults: 200000 spells, 10000
# organisations.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
exodus=${EXODUS:-$root/build/exodus}
n=${1:-200000}
k=${2:-10000}
work=$(mktemp -d)
srv=$(mktemp -d -u /tmp/exodus-pg.XXXXXX)
trap '"$root/tests/pg/server" stop "$srv"; rm -rf "$work"' EXIT
uri=$("$root/tests/pg/server" start "$srv")
python3 "$here/gen_scan_store.py" --spells "$n" --orgs "$k" > "$work/spells.csv"
secs() { # COMMAND...: wall seconds
    local t0 t1
    t0=$(date +%s.%N); "$@" > /dev/null 2>&1; t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l
}
printf '%-44s %12s %12s\n' "$n spells, $k organisations" SQLite PostgreSQL
row() { # LABEL ARGS...
    local label=$1; shift
    local a b
    a=$(secs "$exodus" --db "$work/s.db" "$@")
    b=$(secs "$exodus" --db "$uri" "$@")
    printf '%-44s %11.2fs %11.2fs\n' "$label" "$a" "$b"
    [ "$label" = import ] && printf '%-44s %12.0f %12.0f\n' "  rows/s" \
        "$(echo "$n / $a" | bc -l)" "$(echo "$n / $b" | bc -l)"
    return 0
}
row import -q import spells "$work/spells.csv"
row "import again (all present)" -q import spells "$work/spells.csv"
row "orgs --json" --json orgs
row "stats (the largest organisation) --json" --json stats "Org 000000"
row "survival (the largest organisation) --json" --json survival "Org 000000"
row "flows --json" --json flows
