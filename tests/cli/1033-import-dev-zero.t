# /dev/zero as an import: an error at its first byte, not exit 71 after
# reading until memory ran out
args: import moves /dev/zero
status: 65
--- stdout
--- stderr
zero:1:1: NUL byte (expected text, which never holds one)
exodus: import: 1 error in 'zero'; nothing was imported
