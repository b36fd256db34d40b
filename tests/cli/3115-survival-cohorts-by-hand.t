# retention by hire year, by hand (export taken 2021-12-31):
# 2020: A (hired 31 Jan, left 30 Jul: a day short of 6 months), B (open),
#   C (hired 31 Aug, left 28 Feb: the 6-month anniversary itself, since
#   February has no 31st, so not retained) -> 6 and 12 months 1 of 3;
#   nobody hired in 2020 is 24 months in by the export's date -> "-";
# 2021: D (15 Mar, open: 6 months on 15 Sep) 1 of 1; E (1 Sep) too recent
setup: import spells --as-of 2021-12-31 $FIX/hr-cohorts.csv
args: survival Acme --cohorts year
status: 0
--- stdout
Acme: 5 spells, 2 departures (left or fired); tenure in years, open spells censored at 2021-12-31 (the export's date, import --as-of)
Kaplan-Meier overall (95% CI, log)
  group  n  events  median       95% CI  retained at 2 y            95% CI
  all    5       2  1.21 y  0.50 y - NA               NA  (past follow-up)
Retention by hire year (still employed 6, 12 and 24 months after the hire date, of those hired long enough ago to tell)
  cohort  hired      6 months    12 months  24 months
  2020        3   33.3% (1/3)  33.3% (1/3)          -
  2021        2  100.0% (1/1)            -          -
