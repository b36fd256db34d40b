# Dates for history (ex18h): a move told with a span of time counted back
# from the text's date is dated at the unit's precision ("five years ago"
# a year, "18 months ago" a month), a clause "three years after he joined
# A" dates the join that long before the main move, and a time opening the
# sentence ("In March,") dates a noun's move. "A few years ago" and "in
# the 1990s" say no year: kept as undated history.
args: extract --date 2024-08-06 $FIX/extract-history-dates.txt
status: 0
--- stdout
#  person        event                 from       to          role            level    date         conf
1  Tom Berg      founded (background)  Google     Brightwave  -               founder  2019         0.94
2  Ana Ortiz     left (background)     Microsoft  -           -               -        2023-02      0.94
3  Omar Feld     left                  Nissan     -           -               -        2024-08-06*  0.86
4  Omar Feld     joined (background)   Toyota     Nissan      -               -        2021         0.87
5  Ken Adeyemi   left (background)     Intel      -           -               -        -            0.91
6  Sara Lind     joined (background)   -          Nissan      -               -        -            0.86
7  Lena Fischer  left                  Toyota     -           head of design  exec     2024-03      0.96
7 candidates in $FIX/extract-history-dates.txt (context: Nissan)
* from the text's context or date, not the sentence
  1  bytes 0-90: Five years ago, Tom Berg left Google to found Brightwave, the battery maker he still runs.
  2  bytes 92-167: Ana Ortiz quit Microsoft 18 months ago and has advised Harbor Motors since.
  3  bytes 169-273: Omar Feld announced his departure from Nissan on Friday, three years after he joined Nissan from Toyota.
  4  bytes 169-273: Omar Feld announced his departure from Nissan on Friday, three years after he joined Nissan from Toyota.
  5  bytes 275-314: Ken Adeyemi left Intel a few years ago.
  6  bytes 315-352: Sara Lind joined Nissan in the 1990s.
  7  bytes 354-431: In March, Toyota announced the departure of Lena Fischer, its head of design.
