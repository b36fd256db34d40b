# a report that cannot be written whole (ulimit -f stands in for a full
# disk) fails with EX_IOERR, leaves the earlier report as it was and no
# temporary file (r.html.XXXXXX), and never writes through a file or
# symlink already at the old fixed temporary name (r.html.tmp)
setup: import moves $FIX/moves-small.csv
sh: echo earlier > r.html; echo precious > victim; ln -s victim r.html.tmp
fsize: 100
args: report Acme -o r.html
status: 74
after: test "$(cat r.html)" = earlier
after: test "$(cat victim)" = precious
after: ! ls | grep -E '^r\.html\.[A-Za-z0-9]{6}$'
--- stdout
--- stderr
exodus: report: writing the report: File too large
