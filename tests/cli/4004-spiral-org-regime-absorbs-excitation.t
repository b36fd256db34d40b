# 4004-spiral-org-regime-absorbs-excitation: regimes given by date replace
# the chosen trend.
setup: import moves $SHARED/data/ai-lab-moves.csv
args: spiral OpenAI --level founder,exec,lead --regime 2023-11-17
status: 0
--- stdout-contains
OpenAI — departures of founder, exec, lead, 2015-01-01 .. 2026-02-01
  trend only     rate 0.0939 /month from 2015-01-01 (10), 1.13 /month from 2023-11-17 (30)
baseline: piecewise at 1 dates given
--- stderr
