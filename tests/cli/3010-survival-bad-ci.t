# an unknown interval type is a usage error
args: survival --data x.csv --time t --event e --ci wide
status: 64
--- stdout
--- stderr
exodus: survival: unknown --ci 'wide' (expected log, log-log or plain)
