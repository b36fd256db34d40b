# UTF-16 without a byte order mark: the NUL bytes between ASCII ones give
# it away, and iconv is told the byte order
args: import moves $FIX/moves-utf16le-no-bom.csv
status: 65
--- stdout
--- stderr
moves-utf16le-no-bom.csv:1:1: the file is UTF-16 text, little-endian (expected UTF-8: convert it with iconv -f UTF-16LE -t UTF-8 'moves-utf16le-no-bom.csv' > NEW_FILE)
exodus: import: 1 error in 'moves-utf16le-no-bom.csv'; nothing was imported
