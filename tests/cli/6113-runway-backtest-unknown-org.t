# the backtest of an organisation the store does not have
setup: import finance $DATA/ai-lab-finance.csv
args: runway $DATA/scenarios/openai-2024.json --backtest Nobody --paths 10
status: 1
--- stderr
exodus: runway: no organisation 'Nobody' in the store (see 'exodus orgs')
