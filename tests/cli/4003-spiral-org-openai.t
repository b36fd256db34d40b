# 4003-spiral-org-openai
setup: import moves $SHARED/data/ai-lab-moves.csv
args: spiral OpenAI
status: 0
--- stdout
OpenAI — departures of all levels, 2015-01-01 .. 2026-01-31 (first recorded event .. last departure)
  events         77 (ties spread within date precision, seed 1)
  baseline mu    0.07644 /month  (SE 0.036; 77 events)
  jump alpha     0.4944 /month  (SE 0.2)
  decay beta     0.5486 /month  (SE 0.23; half-life 1.26 months)
  branching n    0.901   95% CI 0.67-1.16 (profile), 0.66-1.14 (Wald)
  cluster size   10.12 departures per cluster (1/(1-n))
  vs Poisson     LR 109.15, p = 7.5e-26 (50:50 chi-square mixture)
  fit            KS p = 0.205 (Hawkes), 7.37e-11 (Poisson)
  optimiser      converged, 18 iterations, 3 starts, largest gradient < 1e-6
  next 180 days  6 departures expected (80%: 1-18, 95%: 0-27; 10000 paths)
verdict: near-critical: each departure triggers 0.90 more on average; n = 0.90 (95% CI 0.67-1.16) reaches 1, the threshold of a self-sustaining spiral; test against Poisson LR 109.2, p = 7.5e-26 (50:50 chi-square mixture); constant baseline; expect 6 departures (80%: 1-18, 95%: 0-27) in the next 180 days.
--- stderr
