# 4028-spiral-decay-needs-stream: --decay is for the multivariate model
args: spiral --events $SHARED/data/hawkes/u1k.txt --decay pair
status: 64
--- stdout
--- stderr
exodus: spiral: --decay applies to --stream (the multivariate model)
