# 4027-spiral-streams-bi10k-pair-decay: one decay per pair on bi10k (one true decay, 1.5): nested, log L at least the shared fit's, decays near 1.5
args: spiral --events $SHARED/data/hawkes/bi10k.txt --time 1 --stream 2 --window 0:10400 --decay pair
status: 0
--- stdout
$SHARED/data/hawkes/bi10k.txt — 2 streams, 0 .. 10400 (--window)
  events          9887 (0: 5710, 1: 4177)
  decays          one per pair (below); log L +0.45 over one shared decay
                  (LR 0.90 on 3 more parameters)
  spectral radius 0.4904  (SE 0.013; 95% CI 0.47-0.52, Wald) of the branching matrix
  vs Poisson      LR 3420.77 (independent Poisson streams)
  optimiser       converged, 14 iterations, largest gradient < 1e-6
rates /unit; row: the stream excited, column: the stream whose events excite it
  stream  baseline mu (SE)  alpha from 0 (SE)  alpha from 1 (SE)
  0       0.2859 (0.0087)   0.4707 (0.028)     0.3205 (0.03)
  1       0.2023 (0.0071)   0.1116 (0.022)     0.6223 (0.033)
decays beta /unit (SE); '-' where alpha is 0: no decay to estimate
  stream  beta from 0 (SE)  beta from 1 (SE)
  0       1.444 (0.1)       1.529 (0.16)
  1       1.77 (0.42)       1.518 (0.087)
branching matrix n = alpha / beta (SE; 95% Wald interval, lower end cut at 0)
  stream  n from 0                     n from 1
  0       0.326 (0.014; 0.298-0.354)   0.210 (0.015; 0.180-0.239)
  1       0.063 (0.0097; 0.044-0.082)  0.410 (0.015; 0.381-0.439)
verdict: subcritical: the streams excite each other, but the ecosystem is not self-sustaining; spectral radius of the branching matrix 0.490 (95% CI 0.47-0.52, Wald), one decay per pair; LR 3420.8 against independent Poisson streams.
--- stderr
