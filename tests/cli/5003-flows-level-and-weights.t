# only founders and executives, founders weighted 10: Cat's founding of
# Beta gives her level at Beta, not the level she left Alpha at, so only
# Ann's move (exec) passes the level filter
setup: import moves $FIX/flows-moves.csv
setup: import spells $FIX/flows-spells.csv
args: flows --level founder,exec --weights founder=10
status: 0
--- stdout
flows: 1 moves among 2 organisations (0 inferred from spells), 2021-03-01 .. 2021-03-01
weights by level left: founder=10 exec=3 lead=2 ic=1 board=1

top net flows (1 of 1 pairs; ratio = moves / moves back, two-sided 95% exact interval)
  from   to    moves  back  net  w.net  ratio  interval    per head  interval
  Alpha  Beta      1     0    1      3    inf  0.03 - inf       inf  0.01 - inf

organisations by talent attraction (SpringRank on moves; core team remaining)
  rank  organisation  springrank  in  out  net  w.net  founders  execs  headcount
     1  Beta              +0.500   1    0   +1     +3       1/1    1/1        1.0
     2  Alpha             -0.500   0    1   -1     -3       0/0    0/2        2.0