# every subcommand answers -h on stdout with exit 0 (git's t0012)
args: -h
status: 0
--- stdout-contains
usage: exodus [--db PATH] [--json] [-q] [--max-input SIZE] COMMAND [ARGS]
