# 4024-spiral-streams-no-forecast: the multivariate model has no forecast or regimes
args: spiral --events $SHARED/data/hawkes/bi10k.txt --stream 2 --horizon 10
status: 64
--- stdout
--- stderr
exodus: spiral: --regime, --horizon and --bootstrap are not available with --stream (the multivariate model)
