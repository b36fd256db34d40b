# survfit, survdiff and coxph (Efron) of R on lung: medians 270 and 426, chi-square 10.3, LR 30.5
args: survival --data $SHARED/data/survival-ref/lung.csv --time time --event status --by sex --cox "age + sex + ph.ecog" --at 365
status: 0
--- stdout
$SHARED/data/survival-ref/lung.csv: 228 rows, 165 events
Kaplan-Meier by group (95% CI, log)
  group    n  events  median     95% CI  S(365)         95% CI
  sex=1  138     112     270  212 - 310   33.6%  26.1% - 43.3%
  sex=2   90      53     426  348 - 550   52.6%  42.1% - 65.8%
log-rank test: chi-square 10.33 on 1 df, p = 0.00131
  group    n  observed  expected  (O-E)^2/E
  sex=1  138       112   91.5817      4.552
  sex=2   90        53   73.4183      5.678
Cox proportional hazards (Efron ties): n 227, 164 events, 1 row dropped for missing values
  term        coef      HR           95% CI        SE       z         p
  age      0.01107   1.011    0.9929 - 1.03  0.009267   1.194     0.232
  sex      -0.5526  0.5754  0.4142 - 0.7994    0.1677  -3.294  0.000986
  ph.ecog   0.4637    1.59    1.273 - 1.986    0.1136   4.083  4.45e-05
  log-likelihood -729.23 (null -744.48), 3 iterations
  likelihood ratio 30.5 on 3 df, p = 1.08e-06; Wald 29.93, p = 1.43e-06; score 30.5, p = 1.08e-06
  concordance 0.6371 (SE 0.0251)
