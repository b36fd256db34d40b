# a loop gain below 1 (branching 0.3): a shock fades, headcount back to plan, no cash-out
args: runway $FIX/scenario-recover.json --paths 500
status: 0
--- stdout-contains
  cash-out         none within 60 months
  headcount        200 -> 200 at month 60
  gain             median 0.298 (80%: 0.298 to 0.298), mean 0.298; 0.0% of paths above 1
  dominant link    co-workers leaving -> attrition (cutting it lowers the median gain most)
verdict: no death spiral: the loop feeds back but a shock of departures fades (gain below 1)
