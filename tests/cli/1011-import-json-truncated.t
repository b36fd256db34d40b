args: import moves $FIX/moves-truncated.json
status: 65
--- stderr-contains
moves-truncated.json:3:1: malformed JSON
exodus: import: 1 error in 'moves-truncated.json'; nothing was imported
