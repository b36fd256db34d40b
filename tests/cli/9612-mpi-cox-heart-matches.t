# 9612-mpi-cox-heart-matches: the Stanford heart transplant (start, stop]
# rows dealt to 3 ranks; each Newton step adds the ranks' risk-set sums
# with MPI. The fit matches exodus's single-process fit (--check) and R's
# coxph (survival-ref/heart_coxph_efron.json) to 1e-9.
# Under make check the ranks run without leak detection: Open MPI's own
# allocations at exit (in components it loads and unloads) cannot be told
# apart from exodus's; the library's code is leak-checked through exodus.
args: survival --data $SHARED/data/survival-ref/heart.csv --start start --time stop --event event --cox "age + year + surgery + transplant" --json
status: 0
after: command -v mpirun
after: export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"; mpirun --oversubscribe -np 3 "$(dirname "$EXODUS")/exodus-mpi" cox --data "$SHARED/data/survival-ref/heart.csv" --start start --time stop --event event --cox "age + year + surgery + transplant" --check > dist.json
after: python3 -c 'import json,sys; d=json.load(open("dist.json")); r=json.load(open(sys.argv[1])); assert d["max_rel_diff_single_process"] <= 1e-9, d; c=[t["coef"] for t in d["terms"]]; s=[t["se"] for t in d["terms"]]; assert all(abs(a-b) <= 1e-9*abs(b) for a,b in zip(c, r["coef"])), (c, r["coef"]); assert all(abs(a-b) <= 1e-9*abs(b) for a,b in zip(s, r["se"])); assert abs(d["loglik"]-r["loglik"]) <= 1e-9*abs(r["loglik"]); assert d["rows"] == 172 and d["events"] == 75' "$SHARED/data/survival-ref/heart_coxph_efron.json"
--- stdout-contains
  "rows": 172,
--- stderr
