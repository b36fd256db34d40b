# 4023-spiral-streams-bi10k-json: the multivariate fit at full precision
args: spiral --events $SHARED/data/hawkes/bi10k.txt --stream 2 --window 0:10400 --json
status: 0
--- stdout
{
  "events_file": "$SHARED/data/hawkes/bi10k.txt",
  "window": {
    "start_time": 0,
    "end_time": 10400,
    "rule": "--window"
  },
  "events": 9887,
  "events_outside_window": 0,
  "streams": [
    {
      "label": "0",
      "events": 5710,
      "mu": 0.28765334985226287,
      "mu_se": 0.0082771117271332184
    },
    {
      "label": "1",
      "events": 4177,
      "mu": 0.20022858186758105,
      "mu_se": 0.0066848695553725452
    }
  ],
  "alpha": [
    [
      0.48361055026739941,
      0.31769447886363478
    ],
    [
      0.099981280857678198,
      0.61752211939892232
    ]
  ],
  "alpha_se": [
    [
      0.02248777209128142,
      0.021456397431723506
    ],
    [
      0.013175734068758244,
      0.026531570978438151
    ]
  ],
  "branching": [
    [
      0.32155615094565537,
      0.21123735564410562
    ],
    [
      0.066478276417740026,
      0.41059492132239062
    ]
  ],
  "branching_se": [
    [
      0.012652573536557399,
      0.013118317271653307
    ],
    [
      0.0084425733159915039,
      0.013975666935181486
    ]
  ],
  "branching_lo": [
    [
      0.29675756250225827,
      0.18552592625389541
    ],
    [
      0.049931136781557785,
      0.38320311746950764
    ]
  ],
  "branching_hi": [
    [
      0.34635473938905248,
      0.23694878503431582
    ],
    [
      0.083025416053922274,
      0.43798672517527359
    ]
  ],
  "beta_pair": [
    [
      1.5039692098725614,
      1.5039692098725614
    ],
    [
      1.5039692098725614,
      1.5039692098725614
    ]
  ],
  "beta_pair_se": [
    [
      0.057106146529690142,
      0.057106146529690142
    ],
    [
      0.057106146529690142,
      0.057106146529690142
    ]
  ],
  "beta": 1.5039692098725614,
  "beta_se": 0.057106146529690142,
  "decay": "shared",
  "spectral_radius": 0.49266412557166367,
  "spectral_radius_se": 0.012346391398562466,
  "level": 0.94999999999999996,
  "spectral_radius_lo": 0.46846564309144612,
  "spectral_radius_hi": 0.51686260805188122,
  "loglik": -15411.020110836431,
  "loglik_shared_decay": -15411.020110836431,
  "loglik_poisson": -17120.952226638488,
  "lr": 3419.864231604115,
  "converged": true,
  "iterations": 2,
  "grad_norm": 8.8910381820566263e-12,
  "verdict": "subcritical: the streams excite each other, but the ecosystem is not self-sustaining; spectral radius of the branching matrix 0.493 (95% CI 0.47-0.52, Wald), one decay shared by all pairs; LR 3419.9 against independent Poisson streams."
}
--- stderr
