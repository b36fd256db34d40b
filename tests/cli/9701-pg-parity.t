# 9701-pg-parity: the demo's data (aliases, AI-lab moves and finance, the
# HR sample's spells) imported into an SQLite store and into a PostgreSQL
# store give byte-identical output from every command that reads a store:
# orgs, moves, people, stats, spiral, survival, flows, compare, scan,
# runway --org, report and the dashboard's API (tests/pg/parity). It starts
# its own server (tests/pg/server) and fails, never skips, without one.
args: --version
status: 0
after: "$FIX/../pg/parity" "$EXODUS"
--- stdout
exodus $VERSION
