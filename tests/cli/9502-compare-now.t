# 9502-compare-now: the same organisations with everything the store holds:
# Cat counts with the executives (a founder of another company hired here),
# the Series B of $30M at $200M diluted 15%, the $5M loan with no valuation
# that day is not a priced round, and functions come from the role text.
setup: import moves $FIX/moves-compare.csv
setup: import finance $FIX/finance-compare.csv
args: compare Acme Beta --no-spiral
status: 0
--- stdout-contains
as of the newest record, 2022-07-01
  founders remaining                                             1 of 2        1 of 1
  executives remaining                                           1 of 2        0 of 1
    research                                                          2             0
    safety                                                            1             0
    policy                                                            0             1
  dilution per priced round          2019-03-01 10.0%, 2021-06-15 15.0%             -
--- stderr
