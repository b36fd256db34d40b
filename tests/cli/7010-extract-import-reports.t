args: extract --import --org-context "Acme AI" $FIX/extract-news.txt
status: 0
--- stderr-contains
extract-news.txt: imported 4 moves, 4 new, 0 already present
