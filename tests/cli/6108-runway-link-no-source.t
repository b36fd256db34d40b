# every link needs its source ("assumption" or a citation)
args: runway $FIX/scenario-link-no-source.json
status: 65
--- stderr
scenario-link-no-source.json:7:30: 'links.attrition_cash_stress': a link needs 'value' and 'source' ("assumption" or where the figure comes from)
