# 4019-spiral-baseline-headcount-no-spells: reported moves carry no start dates, so no headcount
setup: import moves $SHARED/data/ai-lab-moves.csv
args: spiral OpenAI --baseline headcount
status: 65
--- stdout
--- stderr
exodus: spiral: 'OpenAI' has no spells with a start date in the store, so its headcount is unknown (import its spells, or use a baseline that is not per head)
