# spiral --events: a stream label is printed, so it holds no control
# character or direction override
args: spiral --events $FIX/events-control-chars.csv --time time --stream stream
status: 65
--- stdout
--- stderr
$FIX/events-control-chars.csv:3:5: bidirectional control U+202E at character 1 of a stream label (expected a label on one line, without control characters)
