# 4029-spiral-pair-decay-not-with-fixed-decay: a held decay cannot also be one per pair
args: spiral --events $SHARED/data/hawkes/bi10k.txt --stream 2 --decay pair --fixed-decay 1.5
status: 64
--- stdout
--- stderr
exodus: spiral: --fixed-decay holds one decay; it does not go with --decay pair
