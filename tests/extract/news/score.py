#!/usr/bin/env python3
"""Development aid: score `exodus extract --json` on a news set the same way
tests/unit/test_extract.c does, and list every miss and extra.
usage: score.py EXODUS SET [-v]
       score.py LABELS.csv SET [-v]
The second form scores a second person's labels of the set's passages
(a CSV in the gold files' columns) against its gold: how far two
labellers agree, the ceiling for any extractor (tests/extract/news/
README.md, "Agreement")."""
import csv, sys, unicodedata

import news_sets

def key(s):
    # exo__name_key's rule, as the unit suite matches: white space
    # collapsed, NFC, case folded (accents and punctuation kept)
    return " ".join(unicodedata.normalize("NFC", s or "").casefold().split())

exe, which = sys.argv[1], sys.argv[2]
verbose = "-v" in sys.argv
gold = {pid: [dict(r, used=False) for r in rows]
        for pid, rows in news_sets.gold(which).items()}
passages = news_sets.passages(which)
second = None
if exe.endswith(".csv"):
    second = {}
    for r in csv.DictReader(open(exe, encoding="utf-8")):
        second.setdefault(r["id"], []).append(dict(r, evidence=""))
kinds = ["left", "joined", "fired", "sabbatical", "returned", "founded"]
tp = {k: [0, 0, 0, 0] for k in kinds}  # pred, pred-hit, gold, gold-hit
for pid, date, text in passages:
    cands = (second.get(pid, []) if second is not None
             else news_sets.extract(exe, text, date))
    gs = gold.get(pid, [])
    for g in gs:
        tp[g["event"]][2] += 1
    for c in cands:
        tp[c["event"]][0] += 1
        m = None
        for g in gs:
            if g["used"] or key(g["person"]) != key(c["person"]):
                continue
            mv = {"left", "joined"}
            if g["event"] == c["event"] or (g["event"] in mv and c["event"] in mv
                                            and g["to_org"]):
                m = g
                break
        if m:
            m["used"] = True
            tp[c["event"]][1] += 1
            tp[m["event"]][3] += 1
            if verbose and (key(m["from_org"]) != key(c["from_org"]) or key(m["to_org"]) != key(c["to_org"])):
                print("%s slots %s %s: %s -> %s, gold %s -> %s" % (pid, c["person"], c["event"], c["from_org"], c["to_org"], m["from_org"], m["to_org"]))
        else:
            print("%s EXTRA %s %s %s -> %s | %s" % (pid, c["person"], c["event"], c["from_org"], c["to_org"], c["evidence"][:150]))
    for g in gs:
        if not g["used"]:
            print("%s MISS  %s %s %s -> %s | %s" % (pid, g["person"], g["event"], g["from_org"], g["to_org"], text.strip()[:150].replace("\n", " ")))
def prf(p, ph, g, gh):
    P = ph / p if p else 1.0
    R = gh / g if g else 1.0
    return P, R, (2 * P * R / (P + R) if P + R else 0.0)
tot = [sum(tp[k][i] for k in kinds) for i in range(4)]
for k in kinds + ["all"]:
    v = tot if k == "all" else tp[k]
    print("%-10s P %.3f R %.3f F1 %.3f  (%d/%d pred, %d/%d gold)" % ((k,) + prf(*v) + (v[1], v[0], v[3], v[2])))
