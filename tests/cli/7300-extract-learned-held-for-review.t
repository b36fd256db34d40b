# The learned reader (ex17c): "Also sacked: X" is a form no rule reads; the
# model proposes the firing, which the second look (ex20c) puts at 0.73,
# below the rules' move and the review threshold; --import lists it for
# review with its evidence and imports only the rules' move.
args: extract --import --date 2025-03-04 $FIX/extract-learned.txt
status: 0
--- stdout
#  person       event  from    to  role   level  date         conf
1  Dan Petrov   fired  Hawks   -   coach  lead   2025-03-04*  0.98
2  Marta Ilves  fired  Hawks*  -   -      -      2025-03-04*  0.76
2 candidates in $FIX/extract-learned.txt (context: Hawks)
* from the text's context or date, not the sentence
  1  bytes 0-51: The Harbor City Hawks have sacked coach Dan Petrov.
  2  bytes 52-110: Also sacked: Marta Ilves, the team's director of football.
--- stderr
$FIX/extract-learned.txt: review #2 Marta Ilves fired (confidence 0.76), not imported; bytes 52-110: Also sacked: Marta Ilves, the team's director of football.
$FIX/extract-learned.txt: imported 1 moves, 1 new, 0 already present
$FIX/extract-learned.txt: 1 candidate below confidence 0.80 held for review (--review-below 0 imports them)
