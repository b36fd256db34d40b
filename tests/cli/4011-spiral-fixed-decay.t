# 4011-spiral-fixed-decay
args: spiral --events $SHARED/data/hawkes/u1k.txt --window 0:400 --fixed-decay 1
status: 0
--- stdout
$SHARED/data/hawkes/u1k.txt — events, 0 .. 400 (--window)
  events        1016
  baseline mu   0.5657 /unit  (SE 0.082; 1016 events)
  jump alpha    0.7773 /unit  (SE 0.04)
  decay beta    1 /unit  (held; half-life 0.693 units)
  branching n   0.777   95% CI 0.70-0.86 (profile), 0.70-0.86 (Wald)
  cluster size  4.49 events per cluster (1/(1-n))
  vs Poisson    LR 471.00, p = 9.72e-105 (50:50 chi-square mixture)
  fit           KS p = 0.99 (Hawkes), 2.09e-21 (Poisson)
  optimiser     converged, 1 iterations, 1 starts, largest gradient < 1e-6
verdict: self-exciting but subcritical: each event triggers 0.78 more on average (95% CI 0.70-0.86), clusters average 4.5 events; not a self-sustaining spiral on this evidence; test against Poisson LR 471.0, p = 9.72e-105 (50:50 chi-square mixture); constant baseline.
--- stderr
