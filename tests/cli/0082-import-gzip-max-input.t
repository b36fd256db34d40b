# a gzip file is capped by what it inflates to, not by its size on disk:
# 200 kB of rows compressed to a few hundred bytes stop at 64 KiB
sh: yes 'Ada,,Acme,x,founder,founded,2020-01-01,year,https://e.org/a' | head -c 200000 | gzip > big.csv.gz
args: import --max-input 64k moves big.csv.gz
status: 65
after: test ! -e test.db
--- stdout
--- stderr
big.csv.gz:1093:17: the text goes on past 65536 bytes (expected at most that many; --max-input SIZE or EXODUS_MAX_INPUT=SIZE raises the cap)
exodus: import: 1 error in 'big.csv.gz'; nothing was imported
