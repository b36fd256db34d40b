# 4006-spiral-exact-ties-need-fixed-decay
setup: import moves $SHARED/data/ai-lab-moves.csv
args: spiral OpenAI --ties exact
status: 0
--- stdout
OpenAI — departures of all levels, 2015-01-01 .. 2026-01-31 (first recorded event .. last departure)
  events  77 (dates kept exact)
  fit     none: events share exact times, which makes the likelihood unbounded as the decay grows (spread ties within their date precision, or fix the decay)
verdict: insufficient data: no model could be fitted (events share exact times, which makes the likelihood unbounded as the decay grows (spread ties within their date precision, or fix the decay)).
--- stderr
