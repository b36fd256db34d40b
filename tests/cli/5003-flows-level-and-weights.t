# only founders and executives, founders weighted 10
setup: import moves $FIX/flows-moves.csv
setup: import spells $FIX/flows-spells.csv
args: flows --level founder,exec --weights founder=10
status: 0
--- stdout
flows: 2 moves among 2 organisations (0 inferred from spells), 2021-03-01 .. 2022-01-01
weights by level left: founder=10 exec=3 lead=2 ic=1 board=1

top net flows (1 of 1 pairs; ratio = moves / moves back, 95% exact interval)
  from   to    moves  back  net  w.net  ratio  interval  per head  interval
  Alpha  Beta      2     0    2     13    inf  >= 0.29        inf  >= 0.14

organisations by talent attraction (SpringRank on moves; core team remaining)
  rank  organisation  springrank  in  out  net  w.net  founders  execs  headcount
     1  Beta              +0.500   2    0   +2    +13       1/1    1/1        1.0
     2  Alpha             -0.500   0    2   -2    -13       0/0    0/2        2.0
