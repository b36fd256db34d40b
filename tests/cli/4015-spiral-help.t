# 4015-spiral-help: -h prints the usage and options on stdout
args: spiral -h
status: 0
--- stdout-contains
usage: exodus spiral ORG [--since DATE] [--until DATE] [--level LEVEL...]
   or: exodus spiral --events FILE [--window A:B] [--time COL] [options]
      --fixed-decay BETA     hold the decay at BETA per day (per unit)
