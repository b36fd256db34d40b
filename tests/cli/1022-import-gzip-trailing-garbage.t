# Bytes after the last gzip member (here not another member) are an error,
# not silently skipped as zlib's gzread does.
args: import moves $FIX/moves-trailing-garbage.csv.gz
status: 65
--- stdout
--- stderr
moves-trailing-garbage.csv.gz:9:1: bytes after the end of the gzip data (expected the file to end with its compressed data)
exodus: import: 1 error in 'moves-trailing-garbage.csv.gz'; nothing was imported
