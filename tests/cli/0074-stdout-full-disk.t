# a listing written to a full disk fails with EX_IOERR and says so, rather
# than exiting 0 with its answer lost in the stdio buffer
setup: import moves $FIX/moves-small.csv
args: orgs
stdout: /dev/full
status: 74
--- stderr
exodus: orgs: writing standard output: No space left on device
