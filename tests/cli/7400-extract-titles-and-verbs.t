# ex17n: the name finder and the lexicon on new sentences (no test
# passage): a title phrase before a name, a team after "the", a league
# that is no person, the headline "X out as", "welcomed back", "with X
# returning to B" (not a list with the person before), "quit A to launch B",
# "parts ways with", and "stands out as", which is no move.
args: extract --date 2025-06-02 $FIX/extract-titles-and-verbs.txt
status: 0
--- stdout
#  person      event     from           to              role                  level    date         conf
1  Rolf Hagen  left      Harbor Owls    -               Team Assistant Coach  lead     2025-06-02*  0.96
2  Ines Vahl   returned  -              Norvell Foods   -                     -        2025-06-02*  0.85
3  Tia Moss    returned  -              Dunmore Foods   -                     -        2025-06-02*  0.85
4  Dora Wynn   founded   Caldera Group  Norrow Capital  -                     founder  2025-06-02*  0.95
5  Noel Ash    fired     Tessaly Bank   -               chief executive       exec     2025-06-02*  0.97
5 candidates in $FIX/extract-titles-and-verbs.txt (context: Harbor Owls)
* from the text's context or date, not the sentence
  1  bytes 0-70: First Team Assistant Coach Rolf Hagen out as coach of the Harbor Owls.
  2  bytes 144-243: Norvell Foods welcomed back Ines Vahl as chief executive, with Tia Moss returning to Dunmore Foods.
  3  bytes 144-243: Norvell Foods welcomed back Ines Vahl as chief executive, with Tia Moss returning to Dunmore Foods.
  4  bytes 245-360: Dora Wynn quit Caldera Group to launch Norrow Capital, while Tessaly Bank parts ways with chief executive Noel Ash.
  5  bytes 245-360: Dora Wynn quit Caldera Group to launch Norrow Capital, while Tessaly Bank parts ways with chief executive Noel Ash.
