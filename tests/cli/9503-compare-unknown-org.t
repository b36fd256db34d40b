# 9503-compare-unknown-org: an organisation the store does not know is
# named, with the not-found status, and nothing is printed.
setup: import moves $FIX/moves-compare.csv
args: compare Acme Zeta --no-spiral
status: 1
--- stdout
--- stderr-contains
exodus: compare: no organisation 'Zeta' in the store (see 'exodus orgs')
