# 4003-spiral-org-openai: the essay's organisation. The trend-only model
# finds the rise of late 2023; departures cluster beyond it in about half
# of the imputations of the month and year dates, so the verdict says the
# dates decide it; with a constant rate the same data would read as
# near-critical (n 0.91): the output says so beside the verdict.
setup: import moves $SHARED/data/ai-lab-moves.csv
args: spiral OpenAI
status: 0
--- stdout-contains
OpenAI — departures of all levels, 2015-01-01 .. 2026-02-01
  window         from 2015-01-01 (the organisation's first recorded event) through 2026-02-01 (the last reported move in the store)
  departures     72 (dated to the day 17, month 32, year 23); 4 repeated reports counted once; 1 leave of absence left out (--leave counts them)
  trend only     rate 0.17 /month from 2015-01-01 (18), 1.99 /month from 2023-11-01 (54)
(combined over 20 imputations of the dates within their precision
  constant rate  n = 0.913
the reading a trend can fool
verdict: inconclusive: the verdict depends on where the imprecise dates fall
would decide: exact dates for the departures known only to a month or a year
--- stderr
