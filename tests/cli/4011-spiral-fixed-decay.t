# 4011-spiral-fixed-decay: the decay held at 1 per unit
args: spiral --events $SHARED/data/hawkes/u1k.txt --window 0:400 --fixed-decay 1
status: 0
--- stdout-contains
decay beta 1 /unit (held; half-life 0.693 units)
verdict: self-exciting but subcritical
--- stderr
