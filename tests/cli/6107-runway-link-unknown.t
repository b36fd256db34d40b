# a link the model does not know is an error at its line and column
args: runway $FIX/scenario-bad-link.json
status: 65
--- stderr
scenario-bad-link.json:8:24: 'links.morale_collapse': unknown link (docs/runway.md, "The coupling", lists the 12 links)
