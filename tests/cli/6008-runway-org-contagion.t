# --org takes the contagion from the Hawkes n that spiral fits to the store
setup: import aliases $DATA/aliases.csv
setup: import moves $DATA/ai-lab-moves.csv
args: runway $DATA/scenarios/openai-2024.json --org OpenAI --paths 1000
status: 0
--- stdout-contains
OpenAI after the October 2024 round: runway over 60 months from 2024-10
contagion: Hawkes n = 0.90 (SE 0.12), half-life 1.3 months, fitted to 77 departures of OpenAI
months to cash-out (1000 paths, seed 1)
loop gain (attrition -> revenue -> money -> dilution -> attrition, deterministic path)
