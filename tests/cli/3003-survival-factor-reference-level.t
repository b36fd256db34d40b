# factors from text columns; --ref picks the reference level (R names terms column+level)
args: survival --data $SHARED/data/survival-ref/turnover.csv --time stag --event event --by way --cox "age + gender + way" --ref way=car
status: 0
--- stdout
$SHARED/data/survival-ref/turnover.csv: 1129 rows, 571 events
Kaplan-Meier by group (95% CI, log)
  group       n  events   median             95% CI
  way=bus   681     354  45.3717  42.3819 - 52.6653
  way=car   331     174   54.078  50.5955 - 67.8439
  way=foot  117      43   68.271       45.5688 - NA
log-rank test: chi-square 11.58 on 2 df, p = 0.00306
  group       n  observed  expected  (O-E)^2/E
  way=bus   681       354    316.72      4.388
  way=car   331       174   194.015      2.065
  way=foot  117        43   60.2654      4.946
Cox proportional hazards (Efron ties): n 1129, 571 events
  term        coef      HR         95% CI        SE       z         p
  age      0.02284   1.023  1.011 - 1.035  0.006102   3.743  0.000182
  genderm   -0.148  0.8624  0.708 - 1.051    0.1007  -1.470     0.142
  waybus    0.2225   1.249  1.037 - 1.504   0.09488   2.345     0.019
  wayfoot  -0.2401  0.7866  0.561 - 1.103    0.1724  -1.393     0.164
  log-likelihood -3456.50 (null -3470.30), 4 iterations
  likelihood ratio 27.6 on 4 df, p = 1.5e-05; Wald 27.53, p = 1.55e-05; score 27.61, p = 1.5e-05
  concordance 0.5638 (SE 0.0139)
