args: runway $FIX/scenario-truncated.json
status: 65
--- stderr
scenario-truncated.json:4:1: malformed JSON: '}' expected near end of file (expected a scenario object)
