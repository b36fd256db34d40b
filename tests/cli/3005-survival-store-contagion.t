# store mode: KM by team with two-year retention, log-rank, and the contagion covariate (co-worker departures in the 90 days before each risk interval)
setup: import spells --map person=Employee_Name,id=EmpID,start=DateofHire,end=DateofTermination,team=Department,role=Position,end_reason=TermReason --date-format %m/%d/%Y --org "Dental Magic" --reason-map "N/A-StillEmployed=,attendance=fired,performance=fired,gross misconduct=fired,*=left" $SHARED/data/hr/HRDataset_v14.csv
args: survival "Dental Magic" --by team --cox "contagion(90)"
status: 0
--- stdout
Dental Magic: 311 spells, 104 departures (left or fired); tenure in years, open spells censored at 2018-11-10
Kaplan-Meier by group (95% CI, log)
  group                        n  events  median       95% CI  retained at 2 y           95% CI
  team=Admin Offices           9       2      NA      NA - NA            75.0%   50.3% - 100.0%
  team=Executive Office        1       0      NA      NA - NA           100.0%  100.0% - 100.0%
  team=IT/IS                  50      10      NA      NA - NA            87.9%    79.3% - 97.5%
  team=Production            209      83  6.97 y  6.17 y - NA            90.0%    85.9% - 94.3%
  team=Sales                  31       5      NA      NA - NA            96.7%   90.5% - 100.0%
  team=Software Engineering   11       4      NA  4.48 y - NA           100.0%  100.0% - 100.0%
log-rank test: chi-square 6.245 on 5 df, p = 0.283
  group                        n  observed  expected  (O-E)^2/E
  team=Admin Offices           9         2    2.7569     0.2078
  team=Executive Office        1         0  0.491329     0.4913
  team=IT/IS                  50        10   11.9241     0.3105
  team=Production            209        83   73.1672      1.321
  team=Sales                  31         5    11.759      3.885
  team=Software Engineering   11         4   3.90157   0.002483
Cox proportional hazards (Efron ties): n 21004, 104 events
  term              coef     HR         95% CI       SE      z      p
  contagion(90)  0.07141  1.074  0.9779 - 1.18  0.04782  1.493  0.135
  log-likelihood -534.56 (null -535.64), 3 iterations
  likelihood ratio 2.169 on 1 df, p = 0.141; Wald 2.23, p = 0.135; score 2.239, p = 0.135
  concordance 0.5329 (SE 0.0285)
contagion: each co-worker departure in the previous 90 days multiplies the hazard of leaving by 1.074 (95% CI 0.978 - 1.180, p = 0.135): no evidence of contagion at the 5% level
