#!/usr/bin/env python3
"""Development aid (ex18n): over the development sets, the gold moves the
extractor misses and the extra candidates it proposes, sorted by whether
the name finder is the cause: the person's name never read (missed), read
with a word glued on ("Billionaire Michael Dell"), an extra whose "person"
shares no word with any labelled person (an organisation, a place or a
fragment read as a person), and a matched move whose organisation differs
from the label (the wrong organisation; not counted by score.py).
Heuristic: names from the library's name finder (coref_names.c), moves
from `exodus extract --json`.
usage: python3 tests/extract/news/names_table.py BUILD [SET ...] [-v]
(after make BUILD/exodus BUILD/libexodus.a; never a sealed set)"""
import collections, os, subprocess, sys, unicodedata

import news_sets

build = sys.argv[1]
verbose = "-v" in sys.argv
sets = [a for a in sys.argv[2:] if not a.startswith("-")] or \
    ["dev", "dev2", "dev3", "dev4", "dev5", "dev6"]
for s in sets:
    if not s.startswith("dev"):
        sys.exit("names_table.py: development sets only, not " + s)
names_bin = news_sets.names_tool(build)
exe = os.path.join(build, "exodus")


def key(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().replace(".", " ").split())


def words(s):
    return set(key(s).split())


table = collections.Counter()
for which in sets:
    gold = news_sets.gold(which)
    passages = news_sets.passages(which)
    for pid, date, text in passages:
        raw = text.encode("utf-8")
        out = subprocess.run([names_bin], input=raw, capture_output=True,
                             check=True).stdout.decode()
        names = [raw[int(f[1]):int(f[2])].decode("utf-8", "replace")
                 for f in (l.split() for l in out.splitlines())
                 if f[0] == "N"]
        nkeys = {key(n) for n in names}
        cands = news_sets.extract(exe, text, date)
        gs = [dict(g, used=False) for g in gold.get(pid, [])]
        extras = []
        for c in cands:
            m = None
            for g in gs:
                if g["used"] or key(g["person"]) != key(c["person"]):
                    continue
                mv = {"left", "joined"}
                if g["event"] == c["event"] or (
                        g["event"] in mv and c["event"] in mv and g["to_org"]):
                    m = g
                    break
            if m:
                m["used"] = True
                if key(m["from_org"]) != key(c["from_org"] or "") or \
                        key(m["to_org"]) != key(c["to_org"] or ""):
                    # an organisation the label leaves empty is not wrong
                    # nor one that shares a word with the label
                    # ("Dell" for "Dell Inc.")
                    wrong = [s for s in ("from_org", "to_org")
                             if m[s] and c[s] and
                             not words(m[s]) & words(c[s])]
                    if wrong:
                        table["matched, wrong organisation"] += 1
                        if verbose:
                            print(pid, "WRONG-ORG", c["person"], c["event"],
                                  c["from_org"], "->", c["to_org"], "| gold",
                                  m["from_org"], "->", m["to_org"])
            else:
                extras.append(c)
        gpersons = {key(g["person"]) for g in gs}
        for c in extras:
            ck = key(c["person"])
            glued = [g for g in gpersons if g != ck and
                     (" " + g + " ") in (" " + ck + " ")]
            if glued:
                kind = "extra: a word glued to a labelled name"
            elif not any(words(c["person"]) & words(g["person"])
                         for g in gs):
                kind = "extra: no labelled person (org, place, fragment)"
            else:
                continue
            table[kind] += 1
            if verbose:
                print(pid, kind.upper(), c["person"], c["event"],
                      "|", c["evidence"][:110])
        for g in gs:
            if g["used"]:
                continue
            gk = key(g["person"])
            if gk in nkeys:
                continue
            if any((" " + gk + " ") in (" " + n + " ") for n in nkeys):
                kind = "miss: name read with a word glued on"
            elif key(g["person"]) in key(text) or \
                    g["person"].split()[-1] in text:
                kind = "miss: name in the text, not read as a name"
            else:
                kind = "miss: name not written in full (label only)"
            table[kind] += 1
            if verbose:
                print(pid, kind.upper(), g["person"], g["event"],
                      g["from_org"], "->", g["to_org"])
for k, v in sorted(table.items()):
    print("%-52s %4d" % (k, v))
