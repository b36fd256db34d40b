# --at takes a span as --horizon does: 1y is 365.25 days of tenure
setup: import spells $FIX/spells-small.csv
args: survival Acme --at 1y
status: 0
--- stdout
Acme: 4 spells, 2 departures (left or fired); tenure in years, open spells censored at 2022-07-01
Kaplan-Meier overall (95% CI, log)
  group  n  events  median       95% CI  retained at 1 y           95% CI
  all    4       2  2.00 y  1.00 y - NA           100.0%  100.0% - 100.0%
