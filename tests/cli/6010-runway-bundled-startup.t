# the synthetic startup with levels, a scheduled round and the trigger
args: runway $DATA/scenarios/startup.json --months 36 --paths 1000
status: 0
--- stdout-contains
Synthetic seed-stage startup: runway over 36 months from 2025-01
months to cash-out (1000 paths, seed 1)
