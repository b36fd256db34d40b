#!/bin/sh
# scan.sh - figures for issue 18: 'exodus scan' on a synthetic market with
# heavy-tailed organisation sizes (bench/gen_scan_store.py), on 1 and 2
# threads and on 1 and 2 MPI ranks (wall time, each rank's load), and the
# Cox fit across ranks on the heavy-ties file of bench_survival (time,
# bytes per evaluation, largest relative difference from one process).
# Prints figures; never asserts (the tests in tests/cli/96xx do).
#
#   bench/scan.sh [--spells N] [--orgs K] [BUILD_DIR]   (default 100000, 1000)
set -eu
spells=100000
orgs=1000
while [ $# -gt 0 ]; do
    case $1 in
    --spells) spells=$2; shift ;;
    --orgs) orgs=$2; shift ;;
    *) break ;;
    esac
    shift
done
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
for f in "$build/exodus" "$build/exodus-mpi" "$build/bench/bench_survival"; do
    [ -x "$f" ] || { echo "scan.sh: $f is missing (make all mpi $build/bench/bench_survival)" >&2; exit 1; }
done
command -v mpirun >/dev/null || { echo "scan.sh: no mpirun (scripts/deps installs openmpi-bin)" >&2; exit 1; }
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }
echo "== $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== data: $spells spells over $orgs organisations (sizes ~ 1/k^1.1)"
"$here/gen_scan_store.py" --spells "$spells" --orgs "$orgs" >"$dir/spells.csv"
t=$(now)
"$build/exodus" --db "$dir/s.db" -q import spells "$dir/spells.csv"
s=$(secs "$t")
echo "import into SQLite: $s s, $(awk -v n="$spells" -v s="$s" 'BEGIN { printf "%.0f", n / s }') rows/s"
opts="--bootstrap 99 --paths 1000"
for th in 1 2; do
    t=$(now)
    "$build/exodus" --db "$dir/s.db" scan $opts --threads $th --json >"$dir/t$th.json"
    echo "exodus scan --threads $th: $(secs "$t") s"
done
for np in 1 2; do
    t=$(now)
    mpirun --oversubscribe -np $np "$build/exodus-mpi" --db "$dir/s.db" --timing \
        scan $opts --threads 1 --json >"$dir/np$np.json" 2>"$dir/np$np.err"
    echo "exodus-mpi scan, $np rank(s), 1 thread each: $(secs "$t") s"
    sed 's/^/  /' "$dir/np$np.err"
done
cmp "$dir/t1.json" "$dir/t2.json" && cmp "$dir/t1.json" "$dir/np1.json" &&
    cmp "$dir/t1.json" "$dir/np2.json" && echo "all four outputs byte-identical"
grep -m2 '"organisations"\|"fitted"' "$dir/t1.json" | tr -d ' ,' | tr '\n' ' '
echo
echo "== Cox across ranks: bench_survival --heavy-ties (10^6 rows, 360 days)"
"$build/bench/bench_survival" --write-csv "$dir/heavy.csv" --heavy-ties | head -1
for np in 1 2; do
    mpirun --oversubscribe -np $np "$build/exodus-mpi" --timing cox \
        --data "$dir/heavy.csv" --start start --time stop --event event \
        --cox "x1 + x2 + x3" --check >"$dir/cox$np.json" 2>"$dir/cox$np.err"
    cat "$dir/cox$np.err"
    grep '"bytes_per_evaluation"\|"evaluations"\|max_rel_diff' "$dir/cox$np.json" | tr -d ' ,' | tr '\n' ' '
    echo
done
