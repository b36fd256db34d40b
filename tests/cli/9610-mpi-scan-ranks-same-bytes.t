# 9610-mpi-scan-ranks-same-bytes: exodus-mpi scan on 1, 2, 3 and 4 ranks
# (oversubscribed on this machine) prints exodus scan's JSON byte for byte:
# each organisation's draws come from (seed, its name), whichever rank fits
# it. Needs mpirun and build/exodus-mpi (make mpi): fails without them.
# Under make check the ranks run without leak detection: Open MPI's own
# allocations at exit (in components it loads and unloads) cannot be told
# apart from exodus's; the library's code is leak-checked through exodus.
setup: import moves $DATA/ai-lab-moves.csv
setup: import aliases $DATA/aliases.csv
args: scan --bootstrap 39 --imputations 4 --paths 1000 --json
status: 0
after: command -v mpirun
after: test -x "$(dirname "$EXODUS")/exodus-mpi"
after: "$EXODUS" scan --bootstrap 39 --imputations 4 --paths 1000 --json > one.json
after: export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"; for np in 1 2 3 4; do mpirun --oversubscribe -np $np "$(dirname "$EXODUS")/exodus-mpi" scan --bootstrap 39 --imputations 4 --paths 1000 --json > np$np.json || exit 1; cmp one.json np$np.json || exit 1; done
after: grep -q '"fitted": 2,' np4.json
--- stdout-contains
  "organisations": 26,
--- stderr
