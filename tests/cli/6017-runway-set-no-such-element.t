# --set into an array past its end: the index and the size
args: runway $FIX/scenario-small.json --set rounds.2.month=3
status: 64
--- stderr
exodus: runway: --set rounds.2.month: '2' is not an index of 'rounds' (it has 1 element)
