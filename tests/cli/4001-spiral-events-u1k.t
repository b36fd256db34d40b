# 4001-spiral-events-u1k: a self-exciting stream (true n about 0.79, tick's
# exact MLE in reference.json; the numbers are checked against it in the
# unit tests): contagion is found, the window is the one asked for, and
# the Hawkes model keeps a constant background though the trend-only model
# cuts the window into bursts (the excitation explains them).
args: spiral --events $SHARED/data/hawkes/u1k.txt --window 0:400 --horizon 50 --paths 2000
status: 0
--- stdout-contains
$SHARED/data/hawkes/u1k.txt — events, 0 .. 400
  window         the window asked for
  events         1016
parametric bootstrap, 199 of 199 replicates
verdict: self-exciting but subcritical: each event triggers 0.79 more on average
baseline: a constant rate (the Hawkes model's best penalised fit
expect
--- stderr
