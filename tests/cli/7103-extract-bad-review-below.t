args: extract --import --review-below 1.5 $FIX/extract-review.txt
status: 64
--- stdout
--- stderr
exodus: extract: --review-below 1.5 is out of range (expected 0 to 1)
