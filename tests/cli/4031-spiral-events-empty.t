args: spiral --events $FIX/events-empty.txt
status: 0
--- stdout
$FIX/events-empty.txt — events, 0 .. 0 (no events)
  events  0
  fit     none: no events: nothing to fit
verdict: insufficient data: only 0 events (at least 10 are needed to tell contagion from chance).
