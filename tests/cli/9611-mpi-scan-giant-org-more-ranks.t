# 9611-mpi-scan-giant-org-more-ranks: one giant organisation (the HR
# sample's 1485 departures) and one small one on 4 ranks: two ranks get
# nothing, the giant one's rank gets only it, and the table is exodus's.
# Under make check the ranks run without leak detection: Open MPI's own
# allocations at exit (in components it loads and unloads) cannot be told
# apart from exodus's; the library's code is leak-checked through exodus.
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=left,Retirement=left,Layoff=fired,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
setup: import moves $DATA/ai-lab-moves.csv
args: scan "Canadian retailer" OpenAI --bootstrap 39 --imputations 2 --paths 1000
status: 0
after: command -v mpirun
after: "$EXODUS" scan "Canadian retailer" OpenAI --bootstrap 39 --imputations 2 --paths 1000 > one.txt
after: export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"; mpirun --oversubscribe -np 4 "$(dirname "$EXODUS")/exodus-mpi" --timing scan "Canadian retailer" OpenAI --bootstrap 39 --imputations 2 --paths 1000 > np4.txt 2> timing.txt && cmp one.txt np4.txt
after: grep -q '^exodus-mpi: rank 0: 1 organisations, load 1486,' timing.txt && grep -q '^exodus-mpi: rank 2: 0 organisations, load 0,' timing.txt
--- stdout-contains
2 organisations, 2 fitted; seed 1
--- stderr
