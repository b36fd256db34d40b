# 4017-spiral-baseline-constant-same-data: the same data with the default constant baseline, for comparison with 4016
setup: import spells --map person=Employee_Name,id=EmpID,start=DateofHire,end=DateofTermination,team=Department,role=Position,end_reason=TermReason --date-format %m/%d/%Y --org "Dental Magic" --reason-map "N/A-StillEmployed=,attendance=fired,performance=fired,gross misconduct=fired,*=left" $SHARED/data/hr/HRDataset_v14.csv
args: spiral "Dental Magic" --baseline constant
status: 0
--- stdout
Dental Magic — departures of all levels, 2006-01-09 .. 2018-11-10 (first recorded event .. last departure)
  events         104 (ties spread within date precision, seed 1)
  baseline mu    0.02934 /month  (SE 0.026; 104 events)
  jump alpha     0.173 /month  (SE 0.062)
  decay beta     0.1674 /month  (SE 0.062; half-life 4.14 months)
  branching n    1.034   95% CI 0.82-1.27 (profile), 0.81-1.26 (Wald)
  vs Poisson     LR 100.38, p = 6.29e-24 (50:50 chi-square mixture)
  fit            KS p = 0.232 (Hawkes), 2.24e-05 (Poisson)
  optimiser      converged, 10 iterations, 2 starts, largest gradient < 1e-6
  next 180 days  8 departures expected (80%: 3-14, 95%: 2-19; 10000 paths)
verdict: near-critical: each departure triggers 1.03 more on average; n = 1.03 (95% CI 0.82-1.27) reaches 1, the threshold of a self-sustaining spiral; test against Poisson LR 100.4, p = 6.29e-24 (50:50 chi-square mixture); constant baseline; expect 8 departures (80%: 3-14, 95%: 2-19) in the next 180 days.
--- stderr
