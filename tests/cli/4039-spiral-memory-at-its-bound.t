# 4039-spiral-memory-at-its-bound: a fit whose memory runs to the longest
# the model allows still gives n and its interval within that bound, and
# the verdict says the decay is not identified (it said "no model could be
# fitted" with 134 events, and gave no interval). The events: a Hawkes
# process with n = 0.3 and a 30-day mean delay, dated to the day, drawn by
# bench/truth.c (the calibration's cell n 0.30 day, replicate 17).
args: spiral --events $FIX/events-memory-bound.csv --window 2015-01-01:2026-01-01
status: 0
--- stdout-contains
  events         134 (dated to the day 134, month 0, year 0)
(the longest memory allowed; half-life 2.98 months)
verdict: inconclusive: the decay is not identified: the best fit remembers each past event as long as the model allows (a half-life of 91 days), which a change in the rate produces as well as contagion; within that bound n = 
would decide: a longer window, or the dates of known changes (--regime)
--- stderr
