#!/usr/bin/env python3
"""gen_scan_store.py - a synthetic market for 'exodus scan': N employment
spells over K organisations whose sizes are heavy-tailed (organisation k
gets a share proportional to 1 / k^ALPHA, so a few giants and a long tail
of small ones), written as a spells CSV for 'exodus import spells'.

  bench/gen_scan_store.py --spells N --orgs K [--alpha 1.1] [--seed 1] > F

Each spell starts uniformly between 2016-01-01 and 2024-12-31 and lasts an
exponential time (mean 900 days); one ending after 2025-06-30 is open.
With --movers F, a fraction F of the people whose spell ended take a
second spell at another organisation (drawn by the same weights) starting
0-400 days later, so that flows have destinations to infer; the default 0
writes the same file as before. Deterministic for a seed. Never asserts: it makes data for bench/scan.sh.
"""
import argparse
import datetime
import itertools
import random
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spells", type=int, required=True)
    ap.add_argument("--orgs", type=int, required=True)
    ap.add_argument("--alpha", type=float, default=1.1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--movers", type=float, default=0.0)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    w = [1.0 / (k + 1) ** a.alpha for k in range(a.orgs)]
    tot = sum(w)
    sizes = [max(1, int(a.spells * x / tot)) for x in w]
    # hand out what rounding left to the largest, so the total is exact
    sizes[0] += a.spells - sum(sizes)
    day0 = datetime.date(2016, 1, 1).toordinal()
    span = datetime.date(2024, 12, 31).toordinal() - day0
    cut = datetime.date(2025, 6, 30).toordinal()
    out = sys.stdout
    out.write("person,org,start,end,end_reason\n")
    pid = 0
    moved = []
    for k, n in enumerate(sizes):
        org = "Org %06d" % k
        for _ in range(n):
            pid += 1
            s = day0 + rng.randrange(span + 1)
            e = s + 1 + int(rng.expovariate(1.0 / 900.0))
            start = datetime.date.fromordinal(s).isoformat()
            if e > cut:
                out.write("P%d,%s,%s,,\n" % (pid, org, start))
            else:
                end = datetime.date.fromordinal(e).isoformat()
                out.write("P%d,%s,%s,%s,left\n" % (pid, org, start, end))
                if a.movers > 0 and rng.random() < a.movers:
                    moved.append((pid, k, e))
    # separate draws after the first pass, so --movers 0 leaves it as it was
    cum = list(itertools.accumulate(w))
    for pid, k, e in moved:
        j = rng.choices(range(a.orgs), cum_weights=cum)[0]
        if j == k:
            j = (k + 1) % a.orgs
        s = e + rng.randrange(401)
        e2 = s + 1 + int(rng.expovariate(1.0 / 900.0))
        start = datetime.date.fromordinal(s).isoformat()
        if e2 > cut:
            out.write("P%d,Org %06d,%s,,\n" % (pid, j, start))
        else:
            end = datetime.date.fromordinal(e2).isoformat()
            out.write("P%d,Org %06d,%s,%s,left\n" % (pid, j, start, end))


if __name__ == "__main__":
    main()
