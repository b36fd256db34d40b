# 4022-spiral-streams-bi10k: two streams in one file (time,dim): the multivariate fit; true spectral radius 0.486852
args: spiral --events $SHARED/data/hawkes/bi10k.txt --time 1 --stream 2 --window 0:10400
status: 0
--- stdout
$SHARED/data/hawkes/bi10k.txt — 2 streams, 0 .. 10400 (--window)
  events          9887 (0: 5710, 1: 4177)
  decay beta      1.504 /unit  (SE 0.057; one decay shared by all pairs; half-life 0.461 units)
  spectral radius 0.4927  (SE 0.012; 95% CI 0.47-0.52, Wald) of the branching matrix
  vs Poisson      LR 3419.86 (independent Poisson streams)
  optimiser       converged, 2 iterations, largest gradient < 1e-6
rates /unit; row: the stream excited, column: the stream whose events excite it
  stream  baseline mu (SE)  alpha from 0 (SE)  alpha from 1 (SE)
  0       0.2877 (0.0083)   0.4836 (0.022)     0.3177 (0.021)
  1       0.2002 (0.0067)   0.09998 (0.013)    0.6175 (0.027)
branching matrix n = alpha / beta (SE; 95% Wald interval, lower end cut at 0)
  stream  n from 0                     n from 1
  0       0.322 (0.013; 0.297-0.346)   0.211 (0.013; 0.186-0.237)
  1       0.066 (0.0084; 0.050-0.083)  0.411 (0.014; 0.383-0.438)
verdict: subcritical: the streams excite each other, but the ecosystem is not self-sustaining; spectral radius of the branching matrix 0.493 (95% CI 0.47-0.52, Wald), one decay shared by all pairs; LR 3419.9 against independent Poisson streams.
--- stderr
