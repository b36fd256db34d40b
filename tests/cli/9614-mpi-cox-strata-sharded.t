# 9614-mpi-cox-strata-sharded: lung, stratified by sex, Breslow and Efron,
# with the strata split across 3 ranks (row i to rank i mod 3) and nested
# in 2 (stratum s to rank s mod 2; then each rank sends only its log L,
# score and information, 7 doubles): the same fit as one process, to 1e-9.
# Under make check the ranks run without leak detection: Open MPI's own
# allocations at exit (in components it loads and unloads) cannot be told
# apart from exodus's; the library's code is leak-checked through exodus.
args: survival --data $SHARED/data/survival-ref/lung.csv --time time --event status --cox "age + ph.ecog + strata(sex)" --json
status: 0
after: command -v mpirun
after: export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"; for t in efron breslow; do for s in "3 rows" "2 strata"; do set -- $s; mpirun --oversubscribe -np $1 "$(dirname "$EXODUS")/exodus-mpi" cox --data "$SHARED/data/survival-ref/lung.csv" --time time --event status --cox "age + ph.ecog + strata(sex)" --ties $t --shard $2 --check > d.json || exit 1; python3 -c 'import json,sys; d=json.load(open("d.json")); assert d["max_rel_diff_single_process"] <= 1e-9, d; assert d["rows"] == 227, d; assert d["strata_nested"] == (sys.argv[1] == "strata"), d; assert sys.argv[1] == "rows" or d["bytes_per_evaluation"] == 8 * (1 + 2 + 4), d' $2 || exit 1; done; done
--- stdout-contains
  "rows": 228,
--- stderr
