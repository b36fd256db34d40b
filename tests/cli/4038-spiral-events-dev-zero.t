# /dev/zero as an event file: an error at its first byte (it never ended)
args: spiral --events /dev/zero
status: 65
--- stdout
--- stderr
/dev/zero:1:1: NUL byte (expected text, which never holds one)
