# an unknown --mass-events mode names the three
args: spiral Acme --mass-events merge
status: 64
--- stderr
exodus: spiral: unknown --mass-events 'merge' (expected keep, collapse or exclude)
