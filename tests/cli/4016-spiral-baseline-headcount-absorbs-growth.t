# 4016-spiral-baseline-headcount-absorbs-growth: a headcount growing from 1 to 207 reads as near-critical contagion with a constant baseline; proportional to headcount, n = 0.18
setup: import spells --map person=Employee_Name,id=EmpID,start=DateofHire,end=DateofTermination,team=Department,role=Position,end_reason=TermReason --date-format %m/%d/%Y --org "Dental Magic" --reason-map "N/A-StillEmployed=,attendance=fired,performance=fired,gross misconduct=fired,*=left" $SHARED/data/hr/HRDataset_v14.csv
args: spiral "Dental Magic" --baseline headcount
status: 0
--- stdout
Dental Magic — departures of all levels, 2006-01-09 .. 2018-11-10 (first recorded event .. last departure)
  events         104 (ties spread within date precision, seed 1)
  headcount      1 at the start, 207 at the end, mean 112.1 (311 spells)
  baseline mu    0.004926 /head /month  (SE 0.00063; 104 events)
  jump alpha     2.076 /month  (SE 1)
  decay beta     11.31 /month  (SE 6.1; half-life 1.87 days)
  branching n    0.184   95% CI 0.06-0.34 (profile), 0.05-0.32 (Wald)
  cluster size   1.22 departures per cluster (1/(1-n))
  vs Poisson     LR 14.31, p = 7.77e-05 (50:50 chi-square mixture)
  fit            KS p = 0.708 (Hawkes), 0.0691 (Poisson)
  optimiser      converged, 11 iterations, 3 starts, largest gradient < 1e-6
  next 180 days  7 departures expected (80%: 4-12, 95%: 2-15; 10000 paths)
verdict: self-exciting but subcritical: each departure triggers 0.18 more on average (95% CI 0.06-0.34), clusters average 1.2 departures; not a self-sustaining spiral on this evidence; test against Poisson LR 14.3, p = 7.77e-05 (50:50 chi-square mixture); baseline proportional to headcount; expect 7 departures (80%: 4-12, 95%: 2-15) in the next 180 days.
--- stderr
