# moves both ways, a move reported twice folded, one inferred from spells, headcounts from spells
setup: import moves $FIX/flows-moves.csv
setup: import spells $FIX/flows-spells.csv
args: flows
status: 0
--- stdout
flows: 8 moves among 3 organisations (1 inferred from spells), 2021-01-01 .. 2023-01-15
weights by level left: founder=5 exec=3 lead=2 ic=1 board=1

top net flows (3 of 3 pairs; ratio = moves / moves back, two-sided 95% exact interval)
  from   to     moves  back  net  w.net  ratio  interval       per head  interval
  Alpha  Beta       4     1    3      4   4.00  0.40 - 196.99      3.33  0.33 - 163.93
  Alpha  Gamma      2     0    2      2    inf  0.19 - inf            -  -
  Gamma  Beta       1     0    1      1    inf  0.03 - inf            -  -

organisations by talent attraction (SpringRank on moves; core team remaining)
  rank  organisation  springrank  in  out  net  w.net  founders  execs  headcount
     1  Beta              +0.314   5    1   +4     +5       1/1    1/1        1.3
     2  Gamma             +0.137   2    1   +1     +1         -      -          -
     3  Alpha             -0.451   1    6   -5     -6       0/0    0/2        1.6