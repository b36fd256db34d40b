# a cap of 0 would refuse every file; after the command it is the
# command's usage error
args: survival --max-input 0 --data $FIX/survival-hex.csv --time time --event status
status: 64
--- stdout
--- stderr
exodus: survival: --max-input: the size must be at least 1 byte
