# ex18n: the name finder and the title frames on new sentences (no test
# passage): a noun for a person and a hyphenated adjective before a name
# (not part of it, nor of the organisation), a region that is no person,
# a surname that is a common word in an appositive, "has become the new
# CEO of" an organisation described before its name, "was made the new
# president of" from elsewhere, and the same from inside, which is a
# promotion and no move.
args: extract --date 2025-06-02 $FIX/extract-names-and-frames.txt
status: 0
--- stdout
#  person       event   from           to            role             level  date         conf
1  Hal Brenner  left    Quorra Labs    -             -                -      2025-06-02*  0.89
2  Tom Reyes    fired   Orvane Bank    -             chief executive  exec   2025-06-02*  0.98
3  Colm Street  left    Velm Bank      -             chief executive  exec   2025-06-02*  0.96
4  Ona Brisk    joined  Tessel Foods*  Varno         CEO              exec   2025-06-02*  0.90
5  Ines Tal     joined  Pelko          Tessel Foods  -                -      2025-06-02*  0.91
5 candidates in $FIX/extract-names-and-frames.txt (context: Tessel Foods)
* from the text's context or date, not the sentence
  1  bytes 0-68: Billionaire Hal Brenner left the chief executive job at Quorra Labs.
  2  bytes 70-143: Cash-strapped Orvane Bank ousted its chief executive Tom Reyes on Monday.
  3  bytes 145-232: Turning to Southern Italy, the chief executive of Velm Bank, Colm Street, has resigned.
  4  bytes 234-309: Ona Brisk has become the new CEO of struggling Danish cancer biotech Varno.
  5  bytes 311-383: Ines Tal, formerly of Pelko, was made the new president of Tessel Foods.
