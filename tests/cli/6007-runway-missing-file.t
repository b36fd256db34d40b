args: runway $TMP/none.json
status: 66
--- stderr-contains
cannot open
