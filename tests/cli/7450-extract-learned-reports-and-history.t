# The learned reader trained on three sets (ex17m): a firing no rule reads
# is proposed for review (0.50); a report the club dismissed ("dismissed
# reports that X had been sacked") and history "back in the day" are not
# (without the reader's gates for them, this model proposes both), nor an
# appointment with no origin ("named X as their head coach"). The hire
# from elsewhere ("named former Hawks assistant X") is the rules' since
# ex17n, at their confidence.
args: extract --date 2025-03-04 $FIX/extract-learned-gates.txt
status: 0
--- stdout
#  person       event   from    to                   role   level  date         conf
1  Dan Petrov   fired   Hawks   -                    coach  lead   2025-03-04*  0.90
2  Piet Lind    joined  Hawks   Port Ellis Mariners  -      -      2025-03-04*  0.80
3  Marta Ilves  fired   Hawks*  -                    -      -      2025-03-04*  0.50
3 candidates in $FIX/extract-learned-gates.txt (context: Hawks)
* from the text's context or date, not the sentence
  1  bytes 0-51: The Harbor City Hawks have sacked coach Dan Petrov.
  2  bytes 323-406: The Port Ellis Mariners named former Hawks assistant Piet Lind as their head coach.
  3  bytes 52-110: Also sacked: Marta Ilves, the team's director of football.
