# a gap shorter than the 92 days between Hal's spells infers no move
setup: import moves $FIX/flows-moves.csv
setup: import spells $FIX/flows-spells.csv
args: flows --gap 30 --top 1
status: 0
--- stdout
flows: 7 moves among 3 organisations (0 inferred from spells), 2021-01-01 .. 2023-01-15
weights by level left: founder=5 exec=3 lead=2 ic=1 board=1

top net flows (1 of 3 pairs; ratio = moves / moves back, two-sided 95% exact interval)
  from   to    moves  back  net  w.net  ratio  interval       per head  interval
  Alpha  Beta      3     1    2      3   3.00  0.24 - 157.49      2.50  0.20 - 131.06

organisations by talent attraction (SpringRank on moves; core team remaining)
  rank  organisation  springrank  in  out  net  w.net  founders  execs  headcount
     1  Beta              +0.286   4    1   +3     +4       1/1    1/1        1.3
     2  Gamma             +0.143   2    1   +1     +1         -      -          -
     3  Alpha             -0.429   1    5   -4     -5       0/0    0/2        1.6