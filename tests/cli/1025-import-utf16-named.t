# A UTF-16 file is named as such, with the command that converts it,
# instead of one "unknown column" error per column
args: import moves $FIX/moves-utf16.csv
status: 65
--- stdout
--- stderr
moves-utf16.csv:1:1: the file is UTF-16 text, little-endian with a byte order mark (expected UTF-8: convert it with iconv -f UTF-16 -t UTF-8 'moves-utf16.csv' > NEW_FILE)
exodus: import: 1 error in 'moves-utf16.csv'; nothing was imported
