# an import checks the store first (PRAGMA quick_check) and adds nothing to
# a damaged one: here the spell table's page is overwritten, which a moves
# import would never read, and the store is left byte for byte as it was
setup: import moves $FIX/moves-small.csv
sh: p=$(sqlite3 test.db "SELECT rootpage FROM sqlite_master WHERE name = 'spell'") && ps=$(sqlite3 test.db "PRAGMA page_size") && head -c "$ps" /dev/zero | tr '\0' x | dd of=test.db bs="$ps" seek=$((p - 1)) conv=notrunc status=none && md5sum test.db > store.md5
args: import moves $FIX/moves-quoted.csv
status: 74
after: md5sum -c store.md5
--- stdout
--- stderr-contains
the store '$TMP/test.db' is damaged (Page 
); it was left as it was: restore it from a copy, or rescue what it holds with sqlite3's .recover
