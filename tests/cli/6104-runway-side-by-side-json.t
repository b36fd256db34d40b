# side by side in --json: an array of the single-scenario objects, each with its file
args: runway $FIX/scenario-small.json $DATA/scenarios/startup.json --paths 200 --json
status: 0
--- stdout-contains
  "scenarios": [
      "scenario": "Small hand-checkable firm",
      "scenario": "Synthetic seed-stage startup",
