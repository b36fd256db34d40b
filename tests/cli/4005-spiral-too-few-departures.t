# 4005-spiral-too-few-departures
setup: import moves $SHARED/data/ai-lab-moves.csv
args: spiral Anthropic
status: 0
--- stdout
Anthropic — departures of all levels, 2020-01-01 .. 2025-07-31 (first recorded event .. last departure)
  events      3 (ties spread within date precision, seed 1)
  estimate    none: the fit did not converge (46 iterations, largest gradient 0.0087; the decay ran to its lower limit)
  vs Poisson  LR 6.33 at the best point found
  optimiser   NOT converged, 46 iterations, 2 starts, largest gradient 0.0087
verdict: insufficient data: only 3 departures (at least 10 are needed to tell contagion from chance).
--- stderr
exodus: spiral: warning: the fit did not converge (largest gradient 0.0087); no estimate is claimed
