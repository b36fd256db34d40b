# 9605-scan-unknown-org: naming an organisation the store does not know
# fails with its name, and prints no table.
setup: import moves $DATA/ai-lab-moves.csv
args: scan OpenAI "No Such Lab"
status: 1
--- stdout
--- stderr
exodus: scan: no organisation 'No Such Lab' in the store (see 'exodus orgs')
