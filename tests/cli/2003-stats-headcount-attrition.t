setup: import spells $FIX/spells-small.csv
args: stats Acme --period year
status: 0
--- stdout
Acme: departures and arrivals per year, 2019 .. 2022
  period  departures  arrivals  headcount  attrition/yr
  2019             0         1        0.6          0.0%
  2020             0         3        3.5          0.0%
  2021             1         0        3.0         33.3%
  2022             1         0        2.5         40.1%
  total            2         4
core team: 1 of 1 founders remain; 0 of 0 executives remain
  level    person    since       left  how  went to
  founder  Dan Drew  2019-06-01  -
core team present at the end of each year
  period  founders  execs
  2019           1      0
  2020           1      0
  2021           1      0
  2022           1      0
