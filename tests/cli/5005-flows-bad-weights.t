# an unknown level in --weights is a usage error
args: flows --weights chef=3
status: 64
--- stderr
exodus: flows: --weights: unknown level 'chef' (expected founder, exec, lead, ic or board)
