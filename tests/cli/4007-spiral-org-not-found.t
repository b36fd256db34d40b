# 4007-spiral-org-not-found
setup: import moves $SHARED/data/ai-lab-moves.csv
args: spiral Nowhere
status: 1
--- stdout
--- stderr
exodus: spiral: no organisation 'Nowhere' in the store (see 'exodus orgs')
