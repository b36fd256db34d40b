# A NUL byte in a scenario is an error at its line and column
args: runway $FIX/scenario-nul.json
status: 65
--- stdout
--- stderr
scenario-nul.json:1:16: NUL byte (expected text, which never holds one)
