# 4006-spiral-exact-ties-need-fixed-decay
setup: import moves $SHARED/data/ai-lab-moves.csv
args: spiral OpenAI --ties exact
status: 0
--- stdout-contains
verdict: insufficient data: no model could be fitted (events share exact times, which makes the likelihood unbounded as the decay grows (spread ties within their date precision, or fix the decay)).
--- stderr
