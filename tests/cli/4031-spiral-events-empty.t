# 4031-spiral-events-empty: an event file with no events is a verdict
args: spiral --events $FIX/events-empty.txt
status: 0
--- stdout
$FIX/events-empty.txt — events, 0 .. 0
  window  first to last event
  events  0
  fit     none: 0 events are too few to fit
verdict: insufficient data: only 0 events (at least 10 are needed to tell contagion from chance).
would decide: more events: a longer window or more levels
--- stderr
