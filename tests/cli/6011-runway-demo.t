# exodus demo ends with the bundled scenario's runway
args: demo --data-dir $DATA
status: 0
--- stdout-contains
== runway: 
OpenAI after the October 2024 round: runway over 60 months from 2024-10
months to cash-out (10000 paths, seed 1)
loop gain across 1000 paths (inputs and round outcomes drawn, flows at their expectations, cash-out and round timing free)
