# 2008-read-only-commands-create-no-store: asking about a store that is not
# there says so, names the fix, and leaves no file behind
args: spiral OpenAI
status: 66
after: test ! -e test.db
--- stdout
--- stderr-contains
cannot open the store
(make one with 'exodus import' or 'exodus init')
