# an organisation not in the store
setup: import moves $FIX/flows-moves.csv
args: flows --excitation Alpha Nowhere
status: 1
--- stderr
exodus: flows: no organisation 'Nowhere' in the store (see 'exodus orgs')
