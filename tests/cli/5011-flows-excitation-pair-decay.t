# 5011-flows-excitation-pair-decay: one decay per pair for departures and arrivals (bundled moves); a move is a same-day departure and arrival, which a fast pair decay picks up; on these 143 events the pair fit does not converge (the Hessian is not definite), which the output says
setup: import aliases $DATA/aliases.csv
setup: import moves $DATA/ai-lab-moves.csv
args: flows --top 0 --excitation OpenAI Meta --decay pair
status: 0
--- stdout-contains
dates spread within their precision, seed 1; one decay per pair, log L +37.67
  departures from  arrivals at  alpha   SE  n (per departure)  SE of n  95% interval  raises?    decay /day (SE)
  OpenAI           Meta             0  nan              0.000      nan  -             not shown  -
  Meta             OpenAI         4.5  nan              0.526      nan  -             not shown  8.55 (nan)
  and arrival. Spectral radius 0.966 (SE nan; 95% CI 0.00-nan, Wald) (not converged).
