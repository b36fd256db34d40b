# ex17r: the fourth development set's passage F003 (URL in
# tests/extract/news/sources.csv): "ousted its British CEO John Cryan" read
# "British CEO John" as a new organisation, so no one was fired; a title
# ends an organisation read from context, and a nationality is none.
# ex18n: "Trouble-plagued" is an adjective, no part of the bank's name.
args: extract --date 2018-04-09 $FIX/extract-dev4-deutsche-its-british-ceo.txt
status: 0
--- stdout-contains
1  John Cryan  fired  Deutsche Bank  -   CEO   exec   2018-04-09*  0.97
1 candidate in $FIX/extract-dev4-deutsche-its-british-ceo.txt (context: Deutsche Bank)
