# 9720-pg-cases-both-stores: rows the bundled data lacks (a departure
# reported three times, a leave, a return between departures, spells
# censored at the export's date, inferred destinations at and past the
# gap, overlapping, tied and after a death) give the same --json on SQLite
# and PostgreSQL for orgs, people, moves, flows, stats, survival and
# compare, and the bytes the binary before the set-based reads wrote
# (tests/pg/cases, tests/pg/cases.expected). It starts its own server and
# fails, never skips, without one.
args: --version
status: 0
after: "$FIX/../pg/cases" "$EXODUS"
--- stdout
exodus $VERSION
