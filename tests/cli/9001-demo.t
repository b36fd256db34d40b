args: demo --db $TMP/demo.db --data-dir $DATA
status: 0
--- stdout-contains
imported ai-lab-moves.csv           181 rows ->    181 records  (AI-lab senior moves)
== The essay's question: the labs side by side, on 2024-08-06 and now (Google includes DeepMind and Brain) ==
what changed from 2024-08-06 to 2026-02-01:
== OpenAI ==
  total           72        38
== talent flows ==
  OpenAI         Anthropic                  10     0   10     17    inf  2.24 - inf
report: exodus-report.html
