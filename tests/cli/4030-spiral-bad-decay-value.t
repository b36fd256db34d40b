# 4030-spiral-bad-decay-value: --decay takes shared or pair
args: spiral --events $SHARED/data/hawkes/bi10k.txt --stream 2 --decay each
status: 64
--- stdout
--- stderr
exodus: spiral: unknown --decay 'each' (expected shared or pair)
