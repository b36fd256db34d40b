# -h prints the usage on stdout
args: report -h
status: 0
--- stdout-contains
usage: exodus report [ORG...] [-o FILE] [--scenario FILE] [--since DATE]
  -o, --output FILE
