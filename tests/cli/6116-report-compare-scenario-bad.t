# a scenario to compare that cannot be read fails the report, naming the file and the value
setup: import moves $FIX/moves-hostile.csv
args: report --compare-scenario $FIX/scenario-bad-link.json --paths 100 -o -
status: 65
--- stderr-contains
scenario-bad-link.json:8:24: 'links.morale_collapse': unknown link (docs/runway.md, "The coupling", lists the 12 links)
