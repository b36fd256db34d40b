# 4002-spiral-events-multimodal-pois
args: spiral --events $SHARED/data/hawkes/pois.txt --window 0:10000
status: 0
--- stdout
$SHARED/data/hawkes/pois.txt — events, 0 .. 10000 (--window)
  events        19933
  baseline mu   1.788 /unit  (SE 0.16; 19933 events)
  jump alpha    0.001776 /unit  (SE 0.0017)
  decay beta    0.01717 /unit  (SE 0.0099; half-life 40.4 units)
  branching n   0.103   95% CI 0.00-0.26 (profile), 0.00-0.26 (Wald)
  cluster size  1.12 events per cluster (1/(1-n))
  vs Poisson    LR 1.64, p = 0.1 (50:50 chi-square mixture)
  fit           KS p = 0.913 (Hawkes), 0.864 (Poisson)
  optimiser     converged, 4 iterations, 3 starts, largest gradient < 1e-6
verdict: no evidence of contagion: test against Poisson LR 1.6, p = 0.1 (50:50 chi-square mixture); n = 0.10 (95% CI 0.00-0.26); constant baseline.
--- stderr
