# --set reaches a link's value and checks its range
args: runway $DATA/scenarios/openai-2024.json --set links.attrition_cash_stress.value=-1
status: 64
--- stderr
exodus: runway: --set links.attrition_cash_stress.value: -1 is out of range (expected 0 to 1000)
