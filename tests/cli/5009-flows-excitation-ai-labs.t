# Hawkes cross-excitation of departures and arrivals on the bundled moves
setup: import aliases $DATA/aliases.csv
setup: import moves $DATA/ai-lab-moves.csv
args: flows --top 0 --excitation OpenAI Meta
status: 0
--- stdout-contains
cross-excitation: departures from A -> arrivals at B (138 events, 4 streams,
dates spread within their precision, seed 1; decay beta 0.1834 /day, SE 0.062)
  departures from  arrivals at   alpha     SE  n (per departure)  SE of n  95% interval   raises?
  OpenAI           Meta              0    nan              0.000      nan  -              not shown
  Meta             OpenAI       0.0778  0.069              0.424     0.33  0.000 - 1.067  not shown
  and arrival. Spectral radius 0.901 (SE 0.2; 95% CI 0.50-1.30, Wald).
