# the backtest needs the scenario's calendar start
args: runway $FIX/scenario-small.json --set start_month=null --backtest OpenAI
status: 64
--- stderr
exodus: runway: --backtest needs the scenario's 'start_month'
