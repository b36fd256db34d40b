args: import moves $TMP/nope.csv
status: 66
--- stderr-contains
cannot open
