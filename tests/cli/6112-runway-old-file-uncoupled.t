# a file without links reads as before and says the model is uncoupled
args: runway $DATA/scenarios/startup.json --paths 200
status: 0
--- stdout-contains
coupling: none; the file has no "links" object, so hiring ignores cash and offers, attrition ignores runway and rounds ignore growth and talent (docs/runway.md, "The coupling", lists the links)
