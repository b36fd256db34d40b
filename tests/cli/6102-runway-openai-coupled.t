# the bundled OpenAI scenario with its links: each link shown with its source; headcount spreads across paths (the 10%-90% band is not one number); the loop gain's shock is its denominator
args: runway $DATA/scenarios/openai-2024.json --paths 2000
status: 0
--- stdout-contains
coupling links (value; source, "assumption" where none)
  hiring_freeze_runway_months   uniform(4, 9)    assumption: hiring stops when runway falls below 4 to 9 mont...
  cash_stress_runway_months     12               assumption: staff feel runway below 12 months
     12  $5.72B  ($3.40B-$12.88B)       2032  (1986-2033)      0.0%   (0.0%-6.7%)
     60  $9.10B      ($0-$81.11B)       4138     (0-4153)      0.0%  (0.0%-23.4%)
  shock            17.00 departures added in month 1: the denominator
  gain             median 0.125 (80%: -2.429 to 6.876), mean 1.032; 28.5% of paths above 1
