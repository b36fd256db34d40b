# 9615-mpi-scan-failure-once: an unknown organisation under exodus-mpi on 3
# ranks: every rank stops (none waits for the others), the job fails, and
# the reason is printed once (rank 0's), not once per rank.
# Under make check the ranks run without leak detection: Open MPI's own
# allocations at exit (in components it loads and unloads) cannot be told
# apart from exodus's; the library's code is leak-checked through exodus.
setup: import moves $DATA/ai-lab-moves.csv
args: scan "No Such Lab"
status: 1
after: command -v mpirun
after: export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"; if timeout 120 mpirun --oversubscribe -np 3 "$(dirname "$EXODUS")/exodus-mpi" scan "No Such Lab" > out.txt 2> err.txt; then exit 1; fi; test ! -s out.txt && test "$(grep -c "^exodus: scan: no organisation 'No Such Lab' in the store" err.txt)" = 1
--- stdout
--- stderr
exodus: scan: no organisation 'No Such Lab' in the store (see 'exodus orgs')
