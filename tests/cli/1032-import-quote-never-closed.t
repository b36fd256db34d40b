# A quoted field never closed: the place of its opening quote
args: import moves $FIX/moves-quote-never-closed.csv
status: 65
--- stdout
--- stderr
moves-quote-never-closed.csv:3:15: quoted field never closed (expected a closing quote before the end of the file)
exodus: import: 1 error in 'moves-quote-never-closed.csv'; nothing was imported
