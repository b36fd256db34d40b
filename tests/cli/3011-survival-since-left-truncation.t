# Observed from 2021-01-01: Ann (left that day) was never observed; Ben,
# Cat and Dan enter at their tenure on that day (366, 184 and 580 days).
# At Cat's departure (tenure 730) all three are at risk: S = 2/3.
setup: import spells $FIX/spells-small.csv
args: survival Acme --since 2021-01-01
status: 0
--- stdout
Acme: 4 spells, 2 departures (left or fired); tenure in years, open spells censored at 2022-07-01
Kaplan-Meier overall (95% CI, log)
  group  n  events  median       95% CI  retained at 2 y          95% CI
  all    3       1      NA  2.00 y - NA            66.7%  30.0% - 100.0%
--- stderr
exodus: survival: note: observed from 2021-01-01: 1 spells ended before and are left out; 3 enter late (hired before it)
