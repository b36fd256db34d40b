# extract's news text is capped too
args: --max-input 100 extract $FIX/extract-news.txt
status: 65
--- stdout
--- stderr
$FIX/extract-news.txt:4:40: the text goes on past 100 bytes (expected at most that many; --max-input SIZE or EXODUS_MAX_INPUT=SIZE raises the cap)
