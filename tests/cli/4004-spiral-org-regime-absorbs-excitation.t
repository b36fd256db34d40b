# 4004-spiral-org-regime-absorbs-excitation
setup: import moves $SHARED/data/ai-lab-moves.csv
args: spiral OpenAI --level founder,exec,lead --regime 2023-11-17
status: 0
--- stdout
OpenAI — departures of founder, exec, lead, 2015-01-01 .. 2026-01-31 (first recorded event .. last departure)
  events                       44 (ties spread within date precision, seed 1)
  baseline mu from 2015-01-01  0.1033 /month  (SE 0.031; 11 events)
  baseline mu from 2023-11-17  1.005 /month  (SE 0.2; 33 events)
  jump alpha                   10.34 /month  (SE 6.6)
  decay beta                   71.72 /month  (SE 41; half-life 0.294 days)
  branching n                  0.144   95% CI 0.04-0.31 (profile), 0.01-0.27 (Wald)
  cluster size                 1.17 departures per cluster (1/(1-n))
  vs Poisson                   LR 14.71, p = 6.26e-05 (50:50 chi-square mixture)
  fit                          KS p = 0.631 (Hawkes), 0.0443 (Poisson)
  optimiser                    converged, 10 iterations, 2 starts, largest gradient < 1e-6
  next 180 days                7 departures expected (80%: 3-11, 95%: 2-14; 10000 paths)
verdict: self-exciting but subcritical: each departure triggers 0.14 more on average (95% CI 0.04-0.31), clusters average 1.2 departures; not a self-sustaining spiral on this evidence; test against Poisson LR 14.7, p = 6.26e-05 (50:50 chi-square mixture); baseline piecewise over 2 regimes; expect 7 departures (80%: 3-11, 95%: 2-14) in the next 180 days.
--- stderr
