setup: import moves $FIX/moves-small.csv
args: people --org rival
status: 0
--- stdout
person       records  organisations (in order)
Ada Founder        2  Acme, Rival
Dee Dev            1  Acme, Rival
