args: frobnicate
status: 64
--- stderr
exodus: 'frobnicate' is not a command (see 'exodus -h')
