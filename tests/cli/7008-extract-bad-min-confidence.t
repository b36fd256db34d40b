args: extract --min-confidence 2 $FIX/extract-news.txt
status: 64
--- stdout
--- stderr
exodus: extract: --min-confidence 2 is out of range (expected 0 to 1)
