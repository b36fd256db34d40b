# an unknown field inside an array element is rejected where it stands
args: runway $FIX/scenario-unknown-field.json
status: 65
--- stderr
scenario-unknown-field.json:6:78: 'levels[1].salary': unknown field in a level
