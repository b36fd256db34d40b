# machine output: top pairs, organisations, matrix
setup: import moves $FIX/flows-moves.csv
args: flows --json --top 1 --until 2022-12-31
status: 0
--- stdout
{
  "moves": 5,
  "inferred": 0,
  "organisations": 3,
  "start": "2021-03-01",
  "end": "2022-07-01",
  "weights": {
    "founder": 5,
    "exec": 3,
    "lead": 2,
    "ic": 1,
    "board": 1
  },
  "level": 0.94999999999999996,
  "n_pairs": 2,
  "top_net_flows": [
    {
      "from": "Alpha",
      "to": "Beta",
      "moves": 3,
      "back": 1,
      "net": 2,
      "moves_inferred": 0,
      "back_inferred": 0,
      "weighted": 5,
      "weighted_back": 2,
      "weighted_net": 3,
      "ratio": 3,
      "ratio_lo": 0.24088022782926211,
      "ratio_hi": 157.49208827480916,
      "unbounded": false,
      "per_head": null,
      "per_head_lo": null,
      "per_head_hi": null
    }
  ],
  "orgs": [
    {
      "name": "Gamma",
      "rank": 1,
      "springrank": 0.49999999999999989,
      "in": 1,
      "out": 0,
      "net": 1,
      "weighted_in": 1,
      "weighted_out": 0,
      "weighted_net": 1,
      "headcount": null
    },
    {
      "name": "Beta",
      "rank": 2,
      "springrank": 0,
      "in": 3,
      "out": 1,
      "net": 2,
      "weighted_in": 5,
      "weighted_out": 2,
      "weighted_net": 3,
      "headcount": null,
      "founders": 1,
      "founders_remaining": 1,
      "execs": 1,
      "execs_remaining": 1
    },
    {
      "name": "Alpha",
      "rank": 3,
      "springrank": -0.49999999999999989,
      "in": 1,
      "out": 4,
      "net": -3,
      "weighted_in": 2,
      "weighted_out": 6,
      "weighted_net": -4,
      "headcount": null,
      "founders": 0,
      "founders_remaining": 0,
      "execs": 2,
      "execs_remaining": 0
    }
  ],
  "pairs": [
    {
      "from": "Alpha",
      "to": "Beta",
      "moves": 3,
      "back": 1,
      "net": 2,
      "moves_inferred": 0,
      "back_inferred": 0,
      "weighted": 5,
      "weighted_back": 2,
      "weighted_net": 3,
      "ratio": 3,
      "ratio_lo": 0.24088022782926211,
      "ratio_hi": 157.49208827480916,
      "unbounded": false,
      "per_head": null,
      "per_head_lo": null,
      "per_head_hi": null
    },
    {
      "from": "Alpha",
      "to": "Gamma",
      "moves": 1,
      "back": 0,
      "net": 1,
      "moves_inferred": 0,
      "back_inferred": 0,
      "weighted": 1,
      "weighted_back": 0,
      "weighted_net": 1,
      "ratio": null,
      "ratio_lo": 0.025641025641025664,
      "ratio_hi": null,
      "unbounded": true,
      "per_head": null,
      "per_head_lo": null,
      "per_head_hi": null
    }
  ],
  "matrix": {
    "orgs": [
      "Alpha",
      "Beta",
      "Gamma"
    ],
    "counts": [
      [
        0,
        3,
        1
      ],
      [
        1,
        0,
        0
      ],
      [
        0,
        0,
        0
      ]
    ],
    "weighted": [
      [
        0,
        5,
        1
      ],
      [
        2,
        0,
        0
      ],
      [
        0,
        0,
        0
      ]
    ]
  }
}