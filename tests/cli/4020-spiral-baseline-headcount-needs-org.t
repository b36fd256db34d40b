# 4020-spiral-baseline-headcount-needs-org: --events has no spells
args: spiral --events $SHARED/data/hawkes/u1k.txt --baseline headcount
status: 64
--- stdout
--- stderr
exodus: spiral: --baseline headcount needs ORG: its spells give the headcount
