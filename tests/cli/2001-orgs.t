setup: import moves $FIX/moves-small.csv
args: orgs
status: 0
--- stdout
organisation  people  departures  arrivals
Acme               5           4         3
Other Co           1           0         1
Rival              2           0         2
