#!/usr/bin/env bash
# bench/pg_load.sh [SPELLS] [ORGS] - the same synthetic spells file
# (bench/gen_scan_store.py: heavy-tailed organisation sizes) imported into a
# fresh SQLite store and a fresh PostgreSQL store (a private server from
# tests/pg/server, fsync off as the tests run it), then a few reads timed on
# each: wall seconds and peak resident memory (MB) of the exodus process.
# Prints figures, asserts nothing. Defaults: 200000 spells, 10000
# organisations. PG_LOAD_MOVERS=F gives a fraction F of the people whose
# spell ended a second spell elsewhere (gen_scan_store.py --movers), so
# that flows infers destinations; PG_LOAD_SKIP_PEOPLE=1 leaves out the
# people row (before the set-based read it took hours past 10^6 spells on
# PostgreSQL).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
exodus=${EXODUS:-$root/build/exodus}
n=${1:-200000}
k=${2:-10000}
work=$(mktemp -d)
srv=$(mktemp -d /tmp/exodus-pg.XXXXXX)
trap '"$root/tests/pg/server" stop "$srv"; rm -rf "$work"' EXIT
uri=$("$root/tests/pg/server" start "$srv")
python3 "$here/gen_scan_store.py" --spells "$n" --orgs "$k" \
    --movers "${PG_LOAD_MOVERS:-0}" > "$work/spells.csv"
rows=$(($(wc -l < "$work/spells.csv") - 1))
measure() { # COMMAND...: "wall-seconds peak-KB"
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null 2>&1
    cat "$work/time"
}
printf '%-44s %18s %18s\n' "$rows spells, $k organisations" SQLite PostgreSQL
row() { # LABEL ARGS...
    local label=$1; shift
    local a am b bm
    read -r a am < <(measure "$exodus" --db "$work/s.db" "$@")
    read -r b bm < <(measure "$exodus" --db "$uri" "$@")
    printf '%-44s %7.2fs %6.0f MB %7.2fs %6.0f MB\n' "$label" "$a" \
        "$(echo "$am / 1024" | bc -l)" "$b" "$(echo "$bm / 1024" | bc -l)"
    [ "$label" = import ] && printf '%-44s %18.0f %18.0f\n' "  rows/s" \
        "$(echo "$rows / $a" | bc -l)" "$(echo "$rows / $b" | bc -l)"
    return 0
}
row import -q import spells "$work/spells.csv"
row "import again (all present)" -q import spells "$work/spells.csv"
row "orgs --json" --json orgs
row "stats (the largest organisation) --json" --json stats "Org 000000"
row "survival (the largest organisation) --json" --json survival "Org 000000"
row "flows --json" --json flows
[ "${PG_LOAD_SKIP_PEOPLE:-}" = 1 ] || row "people --json" --json people
