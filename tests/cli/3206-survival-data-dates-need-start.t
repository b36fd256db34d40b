# a time column of dates without --start: the error says which flag gives
# the day each row began
args: survival --data $FIX/hr-dates.csv --time term --event left
status: 64
--- stderr
exodus: survival: column 'term' holds dates: give the day each row began with --start COL (a hire date), and times are the days between
