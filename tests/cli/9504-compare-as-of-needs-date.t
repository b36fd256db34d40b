# 9504-compare-as-of-needs-date: a bad --as-of is a usage error naming the
# option.
args: compare Acme --as-of 2019-13-01
status: 64
--- stdout
--- stderr-contains
--as-of
