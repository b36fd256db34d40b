# the cumulative incidence table: the share of a cohort gone for each
# reason by 1, 2, 5, 10 and 20 years of tenure; hired before 2006, 4,339
# spells enter late (1,944 were hired after the records begin)
setup: import spells --map id=EmployeeID,start=orighiredate_key,end=terminationdate_key,team=department_name,role=job_title,end_reason=termreason_desc --date-format %m/%d/%Y --null-date 1/1/1900 --org "Canadian retailer" --reason-map "Resignaton=resignation,Retirement=retirement,Layoff=layoff,Not Applicable=" $DATA/hr/emp_tmnt.csv.gz
args: survival "Canadian retailer" --since 2006-01-01 --competing
status: 0
--- stdout
Canadian retailer: 6284 spells, 1485 departures (left or fired); tenure in years, open spells censored at 2015-12-30
Kaplan-Meier overall (95% CI, log)
  group     n  events   median             95% CI  retained at 2 y         95% CI
  all    6283    1484  24.51 y  24.44 y - 24.66 y            92.6%  91.5% - 93.7%
Cumulative incidence by reason for leaving (Aalen-Johansen: the share gone for each reason, the others competing)
  reason       class        events   1 y   2 y   5 y   10 y   20 y
  layoff       involuntary     215  0.0%  0.2%  1.6%   3.6%   5.9%
  resignation  voluntary       385  1.6%  7.2%  9.1%  13.5%  15.1%
  retirement   voluntary       884  0.0%  0.0%  0.0%   6.4%  22.6%
--- stderr
exodus: survival: note: observed from 2006-01-01: 1 spells ended before and are left out; 4339 enter late (hired before it)
