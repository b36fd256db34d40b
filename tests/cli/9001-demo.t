args: demo --db $TMP/demo.db --data-dir $DATA
status: 0
--- stdout-contains
imported ai-lab-moves.csv           181 rows ->    181 records  (AI-lab senior moves)
== OpenAI ==
  total           72        38
== talent flows ==
  OpenAI         Anthropic                  10     0   10     41    inf  >= 2.86
report: exodus-report.html
