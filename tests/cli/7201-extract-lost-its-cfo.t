# ex17b: the second development set's passage D027: an appositive title
# with its organisation after 'for', and 'also lost its CFO, X' (a titled
# person lost is a departure without 'to B').
args: extract --date 2007-02-01 $FIX/extract-dev2-sears.txt
status: 0
--- stdout
#  person          event  from                 to  role                     level  date         conf
1  Joan Chow       left   Sears Holdings Corp  -   chief marketing officer  exec   2007-02-01*  0.97
2  Craig Monaghan  left   Sears Holdings       -   CFO                      exec   2007-02-01*  0.95
2 candidates in $FIX/extract-dev2-sears.txt (context: Sears Holdings Corp)
* from the text's context or date, not the sentence
  1  bytes 0-94: Joan Chow, chief marketing officer for Sears Holdings Corp.'s Sears Retail division, resigned.
  2  bytes 95-174: Sears Holdings also lost its CFO, Craig Monaghan, after five months on the job.
