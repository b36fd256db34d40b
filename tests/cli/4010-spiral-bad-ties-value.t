# 4010-spiral-bad-ties-value
args: spiral --events $SHARED/data/hawkes/u1k.txt --ties maybe
status: 64
--- stdout
--- stderr
exodus: spiral: unknown --ties 'maybe' (expected spread or exact)
