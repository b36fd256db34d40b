# ex17b: the second development set's passage D005 (URL in
# tests/extract/news/sources.csv): a list with an aside in parentheses and
# 'along with', then 'These individuals are returning' standing for the
# whole list: leaving the startup to return to OpenAI is one return each.
args: extract --date 2026-01-15 --org-context "Thinking Machines Lab" $FIX/extract-dev2-thinking-machines.txt
status: 0
--- stdout
#  person          event     from                    to      role  level  date         conf
1  Luke Metz       returned  Thinking Machines Lab*  OpenAI  -     -      2026-01-15*  0.89
2  Sam Schoenholz  returned  Thinking Machines Lab*  OpenAI  -     -      2026-01-15*  0.89
3  Barret Zoph     returned  Thinking Machines Lab*  OpenAI  -     -      2026-01-15*  0.89
3 candidates in $FIX/extract-dev2-thinking-machines.txt (context: Thinking Machines Lab)
* from the text's context or date, not the sentence
  1  bytes 145-269: Co-founders Barret Zoph (also CTO) and Luke Metz, along with another key staffer, Sam Schoenholz, have departed the startup.
  2  bytes 145-269: Co-founders Barret Zoph (also CTO) and Luke Metz, along with another key staffer, Sam Schoenholz, have departed the startup.
  3  bytes 145-269: Co-founders Barret Zoph (also CTO) and Luke Metz, along with another key staffer, Sam Schoenholz, have departed the startup.
