# the same by hire quarter, with Kaplan-Meier curves by hire quarter
setup: import spells --as-of 2021-12-31 $FIX/hr-cohorts.csv
args: survival Acme --cohorts quarter --by cohort
status: 0
--- stdout
Acme: 5 spells, 2 departures (left or fired); tenure in years, open spells censored at 2021-12-31 (the export's date, import --as-of)
Kaplan-Meier by group (95% CI, log)
  group          n  events  median       95% CI  retained at 2 y            95% CI
  cohort=2020Q1  2       1  1.21 y  0.50 y - NA               NA  (past follow-up)
  cohort=2020Q3  1       1  0.50 y      NA - NA               NA  (past follow-up)
  cohort=2021Q1  1       0      NA      NA - NA               NA  (past follow-up)
  cohort=2021Q3  1       0      NA      NA - NA               NA  (past follow-up)
log-rank test: chi-square 1.5 on 2 df, p = 0.472
  group          n  observed  expected  (O-E)^2/E
  cohort=2020Q1  2         1         1          0
  cohort=2020Q3  1         1       0.5        0.5
  cohort=2021Q1  1         0       0.5        0.5
  cohort=2021Q3  1         0         0          0
Retention by hire quarter (still employed 6, 12 and 24 months after the hire date, of those hired long enough ago to tell)
  cohort  hired      6 months    12 months  24 months
  2020Q1      2   50.0% (1/2)  50.0% (1/2)          -
  2020Q3      1    0.0% (0/1)   0.0% (0/1)          -
  2021Q1      1  100.0% (1/1)            -          -
  2021Q3      1             -            -          -
