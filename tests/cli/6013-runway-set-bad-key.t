# --set an unknown field: the same check as the file, naming the key; exit 64
args: runway $FIX/scenario-small.json --set cashh=5
status: 64
--- stderr
exodus: runway: --set cashh: unknown field (see docs/runway.md for the schema)
