# A NUL byte is an error where it stands, not the end of the value
# ("Zed\0Evil" was stored as "Zed")
args: import moves $FIX/moves-nul.csv
status: 65
--- stdout
--- stderr
moves-nul.csv:2:4: NUL byte (expected text, which never holds one)
exodus: import: 1 error in 'moves-nul.csv'; nothing was imported
