# coxph(Surv(start, stop, event) ~ age + year + surgery + transplant, ties = 'breslow') and survfit on (start, stop] rows, log-log intervals
args: survival --data $SHARED/data/survival-ref/heart.csv --start start --time stop --event event --cox "age + year + surgery + transplant" --ties breslow --ci log-log --at 365
status: 0
--- stdout
$SHARED/data/survival-ref/heart.csv: 172 rows, 75 events
Kaplan-Meier overall (95% CI, log-log)
  group    n  events  median    95% CI  S(365)         95% CI
  all    172      75     100  69 - 219   32.1%  23.0% - 41.5%
Cox proportional hazards (Breslow ties): n 172, 75 events
  term           coef      HR          95% CI       SE       z       p
  age         0.02715   1.028       1 - 1.056  0.01372   1.979  0.0478
  year        -0.1461  0.8641  0.7526 - 0.992  0.07047  -2.074  0.0381
  surgery     -0.6358  0.5295  0.2578 - 1.087   0.3672  -1.732  0.0834
  transplant  -0.0119  0.9882  0.5344 - 1.827   0.3136  -0.038    0.97
  log-likelihood -290.79 (null -298.33), 4 iterations
  likelihood ratio 15.06 on 4 df, p = 0.00457; Wald 14.45, p = 0.006; score 14.98, p = 0.00473
  concordance 0.6355 (SE 0.0331)
