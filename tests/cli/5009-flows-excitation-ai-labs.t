# Hawkes cross-excitation of departures and arrivals on the bundled moves
setup: import aliases $DATA/aliases.csv
setup: import moves $DATA/ai-lab-moves.csv
args: flows --top 0 --excitation OpenAI Meta
status: 0
--- stdout-contains
cross-excitation: departures from A -> arrivals at B (143 events, 4 streams,
  departures from  arrivals at   alpha     SE  n (per departure)  95% interval   raises?
  OpenAI           Meta              0    nan              0.000  -              not shown
