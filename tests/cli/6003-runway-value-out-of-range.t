# a nested value out of range: the line and column of the value, exit 65
args: runway $FIX/scenario-bad-range.json
status: 65
--- stderr
scenario-bad-range.json:9:20: 'trigger.probability': 1.5 is out of range (expected 0 to 1)
