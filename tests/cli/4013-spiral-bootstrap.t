# 4013-spiral-bootstrap: the number of replicates and the seed are the
# user's; the window starts at --since.
setup: import moves $SHARED/data/ai-lab-moves.csv
args: spiral OpenAI --since 2023-01-01 --level founder,exec,lead --bootstrap 100 --seed 3 --horizon 6m
status: 0
--- stdout-contains
  window             from 2023-01-01 (--since) through 2026-02-01 (the last reported move in the store)
(parametric bootstrap, 100 of 100 replicates
  next 182.625 days
--- stderr
