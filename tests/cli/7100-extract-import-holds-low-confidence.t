# --import's review step (issue 17): a candidate below the review
# confidence (0.70) is listed with its evidence span and not imported.
args: extract --import --date 2025-03-04 $FIX/extract-review.txt
status: 0
--- stderr
$FIX/extract-review.txt: review #4 Omar Feld left (confidence 0.77), not imported; bytes 123-172: Feld is leaving the company, a spokesperson said.
$FIX/extract-review.txt: imported 3 moves, 3 new, 0 already present
$FIX/extract-review.txt: 1 candidate below confidence 0.80 held for review (--review-below 0 imports them)
