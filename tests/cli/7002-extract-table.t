args: extract $FIX/extract-news.txt
status: 0
--- stdout
#  person         event              from       to         role                      level    date         conf
1  Jane Roe       left               Acme AI    Anthropic  cofounder                 founder  2024-03-14*  0.94
2  John Q. Smith  sabbatical         Acme AI*   -          chief technology officer  exec     2024-03-14*  0.92
3  Li Wei         joined             Acme AI    Google     researcher                ic       2024-03-14*  0.95
4  Sam Park       left (background)  Google     -          -                         -        -            0.90
5  Ana Lee        left (background)  Microsoft  Acme AI    -                         -        2016         0.91
5 candidates in $FIX/extract-news.txt (context: Acme AI)
* from the text's context or date, not the sentence
  1  bytes 61-169: Acme AI cofounder Jane Roe has left the company to join Anthropic, two people familiar with the matter said.
  2  bytes 219-281: Chief technology officer John Q. Smith is taking a sabbatical.
  3  bytes 282-364: Meanwhile, Google hired Acme AI researcher Li Wei from the company's Paris office.
  4  bytes 494-552: Back in the day, Sam Park left Google to study philosophy.
  5  bytes 553-600: Ana Lee left Microsoft in 2016 to join Acme AI.
