# 9606-scan-no-store: scan only reads; without a store it says how to make
# one and creates nothing.
args: scan
status: 66
after: test ! -e test.db
--- stdout
--- stderr
exodus: scan: cannot open the store '$TMP/test.db' (make one with 'exodus import' or 'exodus init'): No such file or directory
