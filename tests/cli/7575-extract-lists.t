# ex18s: lists of people, in new sentences: names with qualified titles or
# an organisation before them ("Finance Director X ... and the General
# Counsel Y", "X and Initech CEO Y") move one each; the objects of a hire
# with their own clauses ("hired X, who ran ..., and Y, a former ...") too.
# No list reaches a place after "in" ("In Port Ellis, ...") or a name
# before "although"; "would also hire" is no move, whatever the reader's
# model. "X and Y, who left A in 2021": both left.
args: extract --date 2024-08-06 $FIX/extract-lists.txt
status: 0
--- stdout
 #  person        event              from      to             role              level  date         conf
 1  Ruth Bain     left               Globex    -              General Counsel   exec   2024-08-06*  0.96
 2  Lena Marsh    left               Globex    -              -                 -      2024-08-06*  0.93
 3  Omar Tal      left               Globex    -              -                 -      2024-08-06*  0.93
 4  Dana Roe      fired              Initech   -              CEO               exec   2024-08-06*  0.97
 5  Ivo Brand     fired              Initech   -              -                 -      2024-08-06*  0.96
 6  Chris Murray  joined             Initech*  Umbrella Corp  -                 -      2024-08-06*  0.89
 7  John Whipple  joined             Initech*  Umbrella Corp  -                 -      2024-08-06*  0.89
 8  Tess Gray     left               Hooli     -              Editor            lead   2024-08-06*  0.97
 9  Lee Park      left               Initech*  -              Finance Director  lead   2024-08-06*  0.93
10  Karl Ross     left (background)  Vandelay  -              -                 -      2021         0.90
11  Mia Stone     left (background)  Vandelay  -              -                 -      2021         0.90
11 candidates in $FIX/extract-lists.txt (context: Initech)
* from the text's context or date, not the sentence
  1  bytes 0-118: Chief Designer Lena Marsh, Finance Director Omar Tal and the General Counsel Ruth Bain resigned from Globex on Friday.
  2  bytes 0-118: Chief Designer Lena Marsh, Finance Director Omar Tal and the General Counsel Ruth Bain resigned from Globex on Friday.
  3  bytes 0-118: Chief Designer Lena Marsh, Finance Director Omar Tal and the General Counsel Ruth Bain resigned from Globex on Friday.
  4  bytes 120-200: Staff writer Ivo Brand and Initech CEO Dana Roe were fired by Initech on Monday.
  5  bytes 120-200: Staff writer Ivo Brand and Initech CEO Dana Roe were fired by Initech on Monday.
  6  bytes 202-315: Umbrella Corp also hired Chris Murray, who ran Initech's trading desk, and John Whipple, a former Initech trader.
  7  bytes 202-315: Umbrella Corp also hired Chris Murray, who ran Initech's trading desk, and John Whipple, a former Initech trader.
  8  bytes 317-364: In Port Ellis, Hooli Editor Tess Gray resigned.
  9  bytes 366-442: Hooli has been run by Sam Reyes,although Finance Director Lee Park resigned.
 10  bytes 493-562: Mia Stone and Karl Ross, who left Vandelay in 2021, now run a bakery.
 11  bytes 493-562: Mia Stone and Karl Ross, who left Vandelay in 2021, now run a bakery.
