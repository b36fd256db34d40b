# store mode: KM by team with two-year retention, log-rank, and the contagion covariate (co-worker departures in the 90 days before each risk interval)
setup: import spells --map person=Employee_Name,id=EmpID,start=DateofHire,end=DateofTermination,team=Department,role=Position,end_reason=TermReason --date-format %m/%d/%Y --org "Dental Magic" --reason-map "N/A-StillEmployed=,attendance=fired,performance=fired,gross misconduct=fired,*=left" $SHARED/data/hr/HRDataset_v14.csv
args: survival "Dental Magic" --by team --cox "contagion(90)"
status: 0
--- stdout
Dental Magic: 311 spells, 104 departures (left or fired); tenure in years, open spells censored at 2018-11-10
Kaplan-Meier by group (95% CI, log)
  group                        n  events  median       95% CI  retained at 2 y           95% CI
  team=Admin Offices           9       2      NA      NA - NA            77.8%   54.9% - 100.0%
  team=Executive Office        1       0      NA      NA - NA           100.0%  100.0% - 100.0%
  team=IT/IS                  50      10      NA      NA - NA            88.0%    79.4% - 97.5%
  team=Production            209      83  6.97 y  6.17 y - NA            90.4%    86.5% - 94.5%
  team=Sales                  31       5      NA      NA - NA            96.8%   90.8% - 100.0%
  team=Software Engineering   11       4      NA  4.48 y - NA           100.0%  100.0% - 100.0%
log-rank test: chi-square 6.409 on 5 df, p = 0.268
  group                        n  observed  expected  (O-E)^2/E
  team=Admin Offices           9         2   2.90207     0.2804
  team=Executive Office        1         0  0.485727     0.4857
  team=IT/IS                  50        10   11.7276     0.2545
  team=Production            209        83   73.1177      1.336
  team=Sales                  31         5   11.9237       4.02
  team=Software Engineering   11         4   3.84318   0.006399
Cox proportional hazards (Efron ties): n 21004, 104 events
  term              coef     HR          95% CI       SE      z      p
  contagion(90)  0.07759  1.081  0.9844 - 1.186  0.04761  1.630  0.103
  log-likelihood -535.87 (null -537.16), 3 iterations
  likelihood ratio 2.577 on 1 df, p = 0.108; Wald 2.656, p = 0.103; score 2.669, p = 0.102
  concordance 0.5391 (SE 0.0282)
contagion: each co-worker departure in the previous 90 days multiplies the hazard of leaving by 1.081 (95% CI 0.984 - 1.186, p = 0.103): no evidence of contagion at the 5% level
