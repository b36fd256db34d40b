# --import says how many history candidates it leaves out for want of a
# year the text gives (not a --date the caller could add), apart from the
# candidates held for review; with --review-below 0 the join dated from
# "three years after he joined" is imported too (ex18h).
args: extract --import --review-below 0 --date 2024-08-06 $FIX/extract-history-dates.txt
status: 0
--- stderr
$FIX/extract-history-dates.txt: 2 candidates told as history with no date left out (the text gives no year)
$FIX/extract-history-dates.txt: imported 5 moves, 5 new, 0 already present
