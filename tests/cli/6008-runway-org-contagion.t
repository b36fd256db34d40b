# --org takes the contagion from the spiral analysis of the store: the same
# n as 'exodus spiral OpenAI' (combined over its imputations)
setup: import aliases $DATA/aliases.csv
setup: import moves $DATA/ai-lab-moves.csv
args: runway $DATA/scenarios/openai-2024.json --org OpenAI --paths 1000
status: 0
--- stdout-contains
OpenAI after the October 2024 round: runway over 60 months from 2024-10
contagion: Hawkes n = 0.22 (SE 0.09), half-life 3.1 days, fitted to 72 departures of OpenAI (exodus spiral OpenAI)
  applied to all staff as n x 0.0294 = 0.0064: named departures (0.54 a month over 133 months) are that share of the departures the base attrition gives (docs/runway.md, "--org")
months to cash-out (1000 paths, seed 1)
loop gain across 1000 paths (inputs and round outcomes drawn, flows at their expectations, cash-out and round timing free)
