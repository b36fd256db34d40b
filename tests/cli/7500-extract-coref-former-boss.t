# ex17r: the fourth development set's passage F009 (URL in
# tests/extract/news/sources.csv): "The former boss of office furniture firm
# Steelcase joined Ford" names no one; the title noun stands for the last
# person named, Jim Hackett, as "He" in the sentence before stands for him.
# Before ex17r the second move was not found. Since ex20e Mark Fields's
# move is one firing ("Ford has replaced its chief executive, Mark
# Fields"), which narrows the table's columns.
args: extract --date 2017-05-22 $FIX/extract-dev4-ford-former-boss.txt
status: 0
--- stdout-contains
2  Jim Hackett  joined  -     Ford  -     -      2016         0.84
  2  bytes 349-461: The former boss of office furniture firm Steelcase joined Ford last year to run its autonomous driving division.
