# 4008-spiral-events-missing-file
args: spiral --events $TMP/missing.txt
status: 66
--- stdout
--- stderr
exodus: spiral: cannot open '$TMP/missing.txt': No such file or directory
