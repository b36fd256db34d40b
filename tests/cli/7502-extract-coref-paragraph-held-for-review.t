# ex17r: "She" opening a paragraph is the previous paragraph's one person
# (new sentences); resolved across the break, the move scores 0.05 lower
# than within one paragraph; the second look (ex20c) weighs the break too
# and puts it at 0.74, so --import holds it for review with its evidence.
# "He" after a paragraph naming two people resolves to no one.
args: extract --import --date 2024-08-06 $FIX/extract-coref-paragraphs.txt
status: 0
--- stderr
$FIX/extract-coref-paragraphs.txt: review #1 Lena Marsh joined (confidence 0.78), not imported; bytes 66-111: She has now joined Globex as chief scientist.
$FIX/extract-coref-paragraphs.txt: imported 0 moves, 0 new, 0 already present
$FIX/extract-coref-paragraphs.txt: 1 candidate below confidence 0.80 held for review (--review-below 0 imports them)
