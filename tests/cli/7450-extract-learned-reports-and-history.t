# The learned reader trained on three sets (ex17m): a firing no rule reads
# is proposed for review (0.50); a report the club dismissed ("dismissed
# reports that X had been sacked") is not, and history "back in the day"
# is not the reader's (without the reader's gates for them, this model
# proposes both). An appointment with nothing said of where the person
# was ("named X as their head coach") is a hire since ex21a, as the labels
# count one unless the text shows it internal. The hire from elsewhere
# ("named former Hawks assistant X") is the rules' since ex17n, at their
# confidence; since the sixth round the
# rules keep the undated history too, marked background and undated (0.65,
# held for review by --import).
args: extract --date 2025-03-04 $FIX/extract-learned-gates.txt
status: 0
--- stdout
#  person       event              from               to                   role   level  date         conf
1  Dan Petrov   fired              Hawks              -                    coach  lead   2025-03-04*  0.98
2  Irene Vos    left (background)  Harbor City Hawks  -                    -      -      -            0.89
3  Olga Sand    joined             -                  Port Ellis Mariners  -      -      2025-03-04*  0.80
4  Piet Lind    joined             Hawks              Port Ellis Mariners  -      -      2025-03-04*  0.89
5  Marta Ilves  fired              Hawks*             -                    -      -      2025-03-04*  0.73
5 candidates in $FIX/extract-learned-gates.txt (context: Hawks)
* from the text's context or date, not the sentence
  1  bytes 0-51: The Harbor City Hawks have sacked coach Dan Petrov.
  2  bytes 186-259: Back in the day, Irene Vos left the Harbor City Hawks to coach in Norway.
  3  bytes 261-321: The Port Ellis Mariners named Olga Sand as their head coach.
  4  bytes 323-406: The Port Ellis Mariners named former Hawks assistant Piet Lind as their head coach.
  5  bytes 52-110: Also sacked: Marta Ilves, the team's director of football.
