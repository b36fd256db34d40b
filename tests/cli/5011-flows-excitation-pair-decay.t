# 5011-flows-excitation-pair-decay: one decay per pair for departures and arrivals (bundled moves); a move is a same-day departure and arrival, which a fast pair decay picks up; on these 138 events (one departure counted once however often reported, leaves of absence not counted) the pair fit converges
setup: import aliases $DATA/aliases.csv
setup: import moves $DATA/ai-lab-moves.csv
args: flows --top 0 --excitation OpenAI Meta --decay pair
status: 0
--- stdout-contains
dates spread within their precision, seed 1; one decay per pair, log L +34.76
  departures from  arrivals at  alpha   SE  n (per departure)  SE of n  95% interval   raises?    decay /day (SE)
  OpenAI           Meta             0  nan              0.000      nan  -              not shown  -
  Meta             OpenAI        4.44  3.6              0.523      0.3  0.000 - 1.102  not shown  8.48 (5.2)
  and arrival. Spectral radius 0.924 (SE 0.2; 95% CI 0.53-1.32, Wald).
