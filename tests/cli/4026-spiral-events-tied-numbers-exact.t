args: spiral --events $FIX/events-tied.txt --window 0:12 --ties exact
status: 0
--- stdout-contains
  fit     none: events share exact times
