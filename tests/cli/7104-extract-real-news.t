# Real news (issue 17), three passages of tests/extract/news/dev.txt (N016,
# N119, N133; URLs in tests/extract/news/sources.csv): a coordinated
# list, a succession and firings with titles between the names.
args: extract --date 2025-08-01 $FIX/extract-real-news.txt
status: 0
--- stdout
#  person             event   from       to         role             level  date         conf
1  Tianhe Yu          joined  Google     Meta       -                -      2025-08-01*  0.88
2  Weiyue Wang        joined  Google     Meta       -                -      2025-08-01*  0.88
3  Cosmo Du           joined  Google     Meta       -                -      2025-08-01*  0.88
4  Laxman Narasimhan  fired   Starbucks  -          chief executive  exec   2025-08-01*  0.97
5  Brian Niccol       joined  Chipotle   Starbucks  boss             exec   2025-08-01*  0.95
6  Parag Agrawal      fired   X          -          CEO              exec   2025-08-01*  0.95
7  Vijaya Gadde       fired   X          -          -                -      2025-08-01*  0.90
7 candidates in $FIX/extract-real-news.txt (context: Meta)
* from the text's context or date, not the sentence
  1  bytes 0-113: The 3 researchers which Meta has reportedly poached from Google DeepMind are Tianhe Yu, Cosmo Du and Weiyue Wang.
  2  bytes 0-113: The 3 researchers which Meta has reportedly poached from Google DeepMind are Tianhe Yu, Cosmo Du and Weiyue Wang.
  3  bytes 0-113: The 3 researchers which Meta has reportedly poached from Google DeepMind are Tianhe Yu, Cosmo Du and Weiyue Wang.
  4  bytes 115-288: Starbucks has announced that it is replacing its chief executive Laxman Narasimhan with Chipotle boss Brian Niccol, a move which saw the company's shares jump more than 20%.
  5  bytes 115-288: Starbucks has announced that it is replacing its chief executive Laxman Narasimhan with Chipotle boss Brian Niccol, a move which saw the company's shares jump more than 20%.
  6  bytes 290-475: One of Musk's first actions as the new effective owner of Twitter was to fire key executives including recently appointed CEO Parag Agrawal as well as content policy chief Vijaya Gadde.
  7  bytes 290-475: One of Musk's first actions as the new effective owner of Twitter was to fire key executives including recently appointed CEO Parag Agrawal as well as content policy chief Vijaya Gadde.
