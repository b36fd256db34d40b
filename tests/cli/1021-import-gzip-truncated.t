# A gzip file cut short (here 20 bytes before its end) is rejected where
# its text stops, never imported as the shorter file it decompresses to.
args: import moves $FIX/moves-truncated.csv.gz
status: 65
--- stdout
--- stderr
moves-truncated.csv.gz:8:31: the gzip data ends early (expected the rest of the compressed data and its checksum: the file was cut short, or is still being written)
exodus: import: 1 error in 'moves-truncated.csv.gz'; nothing was imported
