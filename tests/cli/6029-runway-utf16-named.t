# A UTF-16 scenario is named as such, with its conversion
args: runway $FIX/scenario-utf16.json
status: 65
--- stdout
--- stderr
scenario-utf16.json:1:1: the file is UTF-16 text, little-endian with a byte order mark (expected UTF-8: convert it with iconv -f UTF-16 -t UTF-8 'scenario-utf16.json' > NEW_FILE)
