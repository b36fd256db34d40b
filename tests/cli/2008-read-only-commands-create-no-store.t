# 2008-read-only-commands-create-no-store: asking about a store that is not
# there says so, names the fix, and leaves no file behind (the setup line
# lists the folder: only what the test runner made)
args: spiral OpenAI
status: 66
--- stdout
--- stderr-contains
cannot open the store
(make one with 'exodus import' or 'exodus init')
