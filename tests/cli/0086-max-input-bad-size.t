# a size that is not one is a usage error naming the flag, before the
# command runs (a malformed $EXODUS_MAX_INPUT keeps the default; a flag
# the user typed is not ignored)
args: --max-input 12x orgs
status: 64
--- stdout
--- stderr
exodus: --max-input: '12x' is not a size (bytes, with an optional k, M or G: 64M, 2G)
