#!/usr/bin/env python3
"""compare.py - exodus survival --json against R's answers (retailer.json,
made by retailer.R beside it; with REF=data_contagion.json in the
environment, that file, made by data_contagion.R), 1e-6 relative: exits 1
naming each value that differs.

  compare.py aj OUT.json              the cumulative incidence of each cause
  compare.py cox OUT.json KEY [TERM]  a Cox fit's coefficient, SE (and log-
                                      likelihood when R's entry has one)
  compare.py km OUT.json              rows, events and S(730) (--at 730)
"""
import json
import os
import sys

TOL = 1e-6
ref = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                  os.environ.get("REF", "retailer.json"))))
got = json.load(open(sys.argv[2]))
bad = []


def close(what, a, b):
    if not (abs(a - b) <= TOL * max(abs(b), 1e-300)):
        bad.append("%s: exodus %.17g, R %.17g" % (what, a, b))


if sys.argv[1] == "aj":
    curves = {c["cause"]: c for c in got["cumulative_incidence"]}
    if sorted(curves) != ref["causes"]:
        bad.append("causes %s, R %s" % (sorted(curves), ref["causes"]))
    for cause in ref["causes"]:
        c = curves.get(cause)
        if c is None:
            continue
        if c["time"] != ref["aj_time"]:
            bad.append("%s: event times differ (%d, R %d)" %
                       (cause, len(c["time"]), len(ref["aj_time"])))
            continue
        for t, a, b in zip(c["time"], c["cif"], ref["aj_" + cause]):
            close("%s F(%g)" % (cause, t), a, b)
    if not bad:
        print("%d causes x %d times agree with R" %
              (len(ref["causes"]), len(ref["aj_time"])))
elif sys.argv[1] == "km":
    g = got["km"]["groups"][0]
    if g["n"] != ref["n"] or g["events"] != ref["events"]:
        bad.append("n %d events %d, R %d %d" % (g["n"], g["events"], ref["n"],
                                                 ref["events"]))
    close("S(730)", g["surv_at"], ref["surv_730"])
    if not bad:
        print("Kaplan-Meier agrees with R")
else:
    key = sys.argv[3]
    term = sys.argv[4] if len(sys.argv) > 4 else None
    cox = got["cox"]
    k = cox["terms"].index(term) if term else 0
    r = ref[key]
    close(key + " coef", cox["coef"][k], r["coef"])
    close(key + " se", cox["se"][k], r["se"])
    if "loglik" in r:
        close(key + " loglik", cox["loglik"], r["loglik"])
    if cox["nevent"] != r["events"]:
        bad.append("%s events %d, R %d" % (key, cox["nevent"], r["events"]))
    if not bad:
        print("%s agrees with R" % key)
for b in bad[:20]:
    print(b)
sys.exit(1 if bad else 0)
