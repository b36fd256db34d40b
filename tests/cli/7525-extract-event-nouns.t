# ex17v: moves told with nouns, in new sentences: "X's exit from A", "the
# ouster last week of X" (the organisation before the noun is left), "A
# confirmed the return of X" (A is where X returns), "the resignations of
# X and Y" (one move each); "a departure is not expected" and "the hiring
# freeze" are no moves.
args: extract --date 2024-08-06 $FIX/extract-event-nouns.txt
status: 0
--- stdout
#  person       event     from           to               role             level  date         conf
1  Tamsin Roe   left      Larkspur Bank  -                -                -      2024-08-06*  0.91
2  Martin Hale  fired     Hollin Media   -                chief executive  exec   2024-08-06*  0.97
3  Erlich Bram  returned  -              Pinecrest Media  -                -      2024-08-06*  0.82
4  Aaron Pike   left      Fennick Labs   -                -                -      2024-08-06*  0.91
5  Basil Frost  left      Fennick Labs   -                -                -      2024-08-06*  0.91
5 candidates in $FIX/extract-event-nouns.txt (context: Brisk Systems)
* from the text's context or date, not the sentence
  1  bytes 0-61: Tamsin Roe's exit from Larkspur Bank was announced on Monday.
  2  bytes 63-156: Shares of Hollin Media rose after the ouster last week of former chief executive Martin Hale.
  3  bytes 158-229: Pinecrest Media confirmed the return of Erlich Bram as chief executive.
  4  bytes 231-313: The board of Fennick Labs accepted the resignations of Aaron Pike and Basil Frost.
  5  bytes 231-313: The board of Fennick Labs accepted the resignations of Aaron Pike and Basil Frost.
