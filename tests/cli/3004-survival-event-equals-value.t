# an event given as COL=VALUE (Attrition == 'Yes'), UTF-8 BOM and CRLF
args: survival --data $SHARED/data/survival-ref/WA_Fn-UseC_-HR-Employee-Attrition.csv --time YearsAtCompany --event Attrition=Yes --by Department --rho 1
status: 0
--- stdout
$SHARED/data/survival-ref/WA_Fn-UseC_-HR-Employee-Attrition.csv: 1470 rows, 237 events
Kaplan-Meier by group (95% CI, log)
  group                                n  events  median   95% CI
  Department=Human Resources          63      12      NA  20 - NA
  Department=Research & Development  961     133      40  33 - NA
  Department=Sales                   446      92      32  23 - NA
Fleming-Harrington test (rho 1): chi-square 6.996 on 2 df, p = 0.0303
  group                                n  observed  expected  (O-E)^2/E
  Department=Human Resources          63   11.1001   9.46674     0.2818
  Department=Research & Development  961   121.206   138.679      2.201
  Department=Sales                   446   82.8049   66.9658      3.746
