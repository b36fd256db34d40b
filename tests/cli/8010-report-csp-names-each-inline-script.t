# the report's policy allows its own scripts and style by their SHA-256,
# not any inline code: a script that got past the escaping would not run
setup: import moves $FIX/moves-hostile.csv
setup: import finance $FIX/finance-hostile.csv
setup: import spells $FIX/spells-hostile.csv
args: report -o $TMP/r.html
status: 0
after: $FIX/../cli/check-csp $TMP/r.html
