# 4005-spiral-too-few-departures: three departures are a verdict of their
# own, with what would decide it; no warning, no error.
setup: import moves $SHARED/data/ai-lab-moves.csv
args: spiral Anthropic
status: 0
--- stdout-contains
  departures     3 (dated to the day 0, month 3, year 0)
verdict: insufficient data: only 3 departures (at least 10 are needed to tell contagion from chance)
would decide: more departures: a longer window or more levels
--- stderr
