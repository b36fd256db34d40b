# 4018-spiral-baseline-headcount-json: the headcount fields in --json
setup: import spells --map person=Employee_Name,id=EmpID,start=DateofHire,end=DateofTermination,team=Department,role=Position,end_reason=TermReason --date-format %m/%d/%Y --org "Dental Magic" --reason-map "N/A-StillEmployed=,attendance=fired,performance=fired,gross misconduct=fired,*=left" $SHARED/data/hr/HRDataset_v14.csv
args: spiral "Dental Magic" --baseline headcount --json
status: 0
--- stdout
{
  "org": "Dental Magic",
  "time_unit": "day",
  "window": {
    "start": "2006-01-09",
    "end": "2018-11-10",
    "start_time": 13157,
    "end_time": 17846,
    "rule": "first recorded event .. last departure"
  },
  "events": 104,
  "events_outside_window": 0,
  "ties": "spread",
  "tied_numbers_spread": 0,
  "seed": 1,
  "baseline": "headcount",
  "headcount_spells": 311,
  "headcount_start": 1,
  "headcount_end": 207,
  "headcount_mean": 112.08189379398593,
  "regimes": [
    {
      "start_time": 13157,
      "start": "2006-01-09",
      "events": 104,
      "mu": 0.00016184258860767864,
      "mu_se": 2.0597599291685931e-05,
      "exposure": 525552
    }
  ],
  "alpha": 0.068194266781517021,
  "alpha_se": 0.03361914225745806,
  "beta": 0.37146557030419602,
  "beta_se": 0.2007374046905257,
  "half_life": 1.8659796114948735,
  "n": 0.18358166202502216,
  "n_se": 0.069331526374262487,
  "level": 0.94999999999999996,
  "n_ci_wald": [
    0.047694367338278837,
    0.31946895671176545
  ],
  "n_ci_profile": [
    0.064983920050187827,
    0.33548654069831024
  ],
  "expected_cluster_size": 1.2248622470685471,
  "loglik": -438.29899550322898,
  "loglik_poisson": -445.45224024669619,
  "lr": 14.306489486934424,
  "lr_p": 7.7664236589473917e-05,
  "lr_reference": "50:50 mixture of chi-square(0) and chi-square(1)",
  "bootstrap": null,
  "ks": {
    "hawkes_d": 0.067308817479491023,
    "hawkes_p": 0.70794831718323614,
    "poisson_d": 0.12550808265164962,
    "poisson_p": 0.06912353642045177
  },
  "excitation_end": 0.055418568998337116,
  "fixed_decay": false,
  "at_boundary": false,
  "decay_at_limit": false,
  "converged": true,
  "iterations": 11,
  "grad_norm": 3.7681914076134247e-14,
  "starts": 3,
  "forecast": {
    "horizon": 180,
    "paths": 10000,
    "mean": 7.5826000000000002,
    "median": 7,
    "interval80": [
      4,
      12
    ],
    "interval95": [
      2,
      15
    ],
    "capped_paths": 0
  },
  "verdict": {
    "kind": "self-exciting but subcritical",
    "text": "self-exciting but subcritical: each departure triggers 0.18 more on average (95% CI 0.06-0.34), clusters average 1.2 departures; not a self-sustaining spiral on this evidence; test against Poisson LR 14.3, p = 7.77e-05 (50:50 chi-square mixture); baseline proportional to headcount; expect 7 departures (80%: 4-12, 95%: 2-15) in the next 180 days."
  }
}
--- stderr
