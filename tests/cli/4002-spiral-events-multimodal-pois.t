# 4002-spiral-events-multimodal-pois: 19,933 Poisson events: no contagion,
# and an interval that stays below 1.
args: spiral --events $SHARED/data/hawkes/pois.txt --window 0:10000
status: 0
--- stdout-contains
  events       19933
verdict: no evidence of contagion: test of no contagion beyond the baseline p =
baseline: a constant rate (no change chosen by modified BIC).
--- stderr
