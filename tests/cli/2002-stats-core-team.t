setup: import moves $FIX/moves-small.csv
args: stats acme
status: 0
--- stdout
Acme: departures and arrivals per year, 2020 .. 2023
  period  departures  arrivals
  2020             0         2
  2021             0         1
  2022             2         0
  2023             2         0
  total            4         3
core team: 1 of 2 founders remain; 0 of 1 executives remain
  level    person       since    left        how    went to
  founder  Ada Founder  2020     2022-05-14  left   Rival
  founder  Bob Builder  2020     -
  exec     Cy Chief     2021-03  2023-02-10  fired
core team present at the end of each year
  period  founders  execs
  2020           2      0
  2021           2      1
  2022           1      1
  2023           1      0
