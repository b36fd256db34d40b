# 9501-compare-as-of: two organisations side by side as of a date, on a
# fixture small enough to count by hand (tests/unit/test_compare.c says
# where each number comes from): Acme has lost Dan (2018) and Ann (2019;
# her founding of NewCo four months later is the same departure), both to
# Beta; Cat, hired in 2020 as another company's founder, is not there yet;
# the Series A of $10M at $100M diluted 10%.
setup: import moves $FIX/moves-compare.csv
setup: import finance $FIX/finance-compare.csv
args: compare Acme Beta --as-of 2019-12-31 --no-spiral
status: 0
--- stdout-contains
as of 2019-12-31: records dated on or before it (the store keeps the date a record gives, not when it was reported)
  departures                                            2             0
  founders and execs who left                           2             0
  founders remaining                               1 of 2        1 of 1
  executives remaining                             0 of 1        1 of 1
    Beta                                                2             -
  dilution per priced round              2019-03-01 10.0%             -
--- stderr
