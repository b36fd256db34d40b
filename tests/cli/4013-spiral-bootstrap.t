# 4013-spiral-bootstrap
setup: import moves $SHARED/data/ai-lab-moves.csv
args: spiral OpenAI --since 2023-01-01 --level founder,exec,lead --bootstrap 100 --seed 3 --horizon 6m
status: 0
--- stdout
OpenAI — departures of founder, exec, lead, 2023-01-01 .. 2026-01-31 (--since .. last departure)
  events         33 (ties spread within date precision, seed 3)
  baseline mu    0.693 /month  (SE 0.14; 33 events)
  jump alpha     7.047 /month  (SE 4.2)
  decay beta     31.68 /month  (SE 16; half-life 0.666 days)
  branching n    0.222   95% CI 0.07-0.66 (profile), 0.03-0.41 (Wald)
  cluster size   1.29 departures per cluster (1/(1-n))
  vs Poisson     LR 15.13, p = 5.01e-05 (50:50 chi-square mixture)
  bootstrap      p = 0.0099 (100 of 100 replicates, seed 3)
  fit            KS p = 0.543 (Hawkes), 0.0299 (Poisson)
  optimiser      converged, 7 iterations, 3 starts, largest gradient < 1e-6
  next 6 months  5 departures expected (80%: 2-9, 95%: 1-12; 10000 paths)
verdict: self-exciting but subcritical: each departure triggers 0.22 more on average (95% CI 0.07-0.66), clusters average 1.3 departures; not a self-sustaining spiral on this evidence; test against Poisson LR 15.1, p = 0.0099 (parametric bootstrap); constant baseline; expect 5 departures (80%: 2-9, 95%: 1-12) in the next 6 months.
--- stderr
