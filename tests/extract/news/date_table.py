#!/usr/bin/env python3
"""Development aid (ex18h): how `exodus extract --json` dates the moves of
the development sets, above all the background ones (history told in
passing). Candidates are matched to gold rows as score.py matches them
(person and event); then each matched row's date is compared with the
gold's, and each gold row is put in a class by the time expression the
sentences naming its person hold (regular expressions; a heuristic, read
through by hand).
usage: python3 tests/extract/news/date_table.py EXODUS [SET...] [-v]
(development sets only: dev dev2 ... dev6; never a sealed set)"""
import collections, os, re, sys, unicodedata

import news_sets

here = os.path.dirname(os.path.abspath(__file__))
exe = sys.argv[1]
verbose = "-v" in sys.argv
sets = [a for a in sys.argv[2:] if not a.startswith("-")] or \
    ["dev", "dev2", "dev3", "dev4", "dev5", "dev6"]
for s in sets:
    if not re.fullmatch(r"dev[2-6]?", s):
        sys.exit("date_table.py: %s is not a development set it may read" % s)

def key(s):
    return " ".join(unicodedata.normalize("NFC", s or "").casefold().split())

# The time expressions, most specific first: the first that matches a
# sentence naming the person is its class.
NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a few|several|many|a couple of)"
CLASSES = [
    ("after N years at A", r"\bafter (?:nearly |almost |more than |over |about )?" + NUM + r"[- ](?:years?|decades?)\b"),
    ("N years ago", r"\b" + NUM + r" (?:years?|months?|decades?) ago\b|\ba (?:year|decade|month) ago\b|\bdecades ago\b|\byears ago\b"),
    ("last/this/next year", r"\b(?:last|this|next|previous|following|prior) (?:year|month|season|summer|spring|autumn|fall|winter)\b|\bthe year before\b|\bthe same year\b"),
    ("earlier this year", r"\b(?:earlier|later) (?:this|that|in the) (?:year|month)\b"),
    ("a decade (the 1990s)", r"\b(?:the )?(?:early |mid-|late )?(?:19|20)\d0s\b"),
    ("since YEAR", r"\bsince (?:(?:early |late |mid-)?(?:january|february|march|april|may|june|july|august|september|october|november|december) )?(?:19|20)\d\d\b"),
    ("a season", r"\b(?:19|20)\d\d[-/]\d\d\b|\b(?:spring|summer|autumn|fall|winter) (?:of )?(?:19|20)\d\d\b"),
    ("in YEAR / month YEAR", r"\b(?:19|20)\d\d\b"),
    ("a month alone", r"\b(?:in|last|since|early|late) (?:january|february|march|april|june|july|august|september|october|november|december)\b"),
    ("in N years / N years later", r"\b(?:in|within) " + NUM + r" years\b|\b" + NUM + r" years (?:later|after)\b"),
]

def classify(sentences):
    for name, rx in CLASSES:
        for st in sentences:
            m = re.search(rx, st, re.I)
            if m:
                return name, m.group(0)
    return "none", ""

def sentences_naming(text, person):
    toks = person.split()
    last = toks[-1].rstrip(".")
    if last.lower() in ("jr", "sr") and len(toks) > 2:
        last = toks[-2]
    sents = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n\s*\n", text)
    return [s.replace("\n", " ") for s in sents if re.search(r"\b" + re.escape(last) + r"\b", s)]

def date_cmp(g, c):
    if not g and not c:
        return "both undated"
    if not c:
        return "gold dated, ours undated"
    if not g:
        return "ours dated, gold undated"
    if g == c:
        return "same"
    if g.startswith(c):
        return "ours coarser, agrees"
    if c.startswith(g):
        return "ours finer, agrees"
    return "wrong"

table = collections.OrderedDict()
cls_tab = collections.defaultdict(collections.Counter)
for which in sets:
    gold = {pid: [dict(r, used=None) for r in rows]
            for pid, rows in news_sets.gold(which).items()}
    passages = news_sets.passages(which)
    rowc = collections.Counter()
    for pid, date, text in passages:
        cands = news_sets.extract(exe, text, date)
        gs = gold.get(pid, [])
        # score.py's match, but a candidate of the row's own event first:
        # "who had joined A last year, also left for B" gives a join and a
        # departure, and the join's date is the join row's to compare.
        taken = set()
        for exact in (True, False):
            for ci, c in enumerate(cands):
                if ci in taken:
                    continue
                for g in gs:
                    if g["used"] or key(g["person"]) != key(c["person"]):
                        continue
                    mv = {"left", "joined"}
                    if g["event"] == c["event"] or (not exact and g["event"] in mv
                                                    and c["event"] in mv and g["to_org"]):
                        g["used"] = c
                        taken.add(ci)
                        break
        for g in gs:
            bg = "background" if g["background"] == "1" else "news"
            c = g["used"]
            if c is None:
                verdict = "missed"
            else:
                verdict = date_cmp(g["date"], c["date"] or "")
                if c["background"] != (g["background"] == "1"):
                    verdict += "; background " + ("ours only" if c["background"] else "gold only")
            rowc[(bg, verdict.split(";")[0])] += 1
            interesting = bg == "background" and verdict not in ("same", "ours finer, agrees")
            if interesting:
                cls, span = classify(sentences_naming(text, g["person"]))
                cls_tab[which][(cls, "missed" if c is None else ("undated" if not c["date"] else "dated"))] += 1
                if verbose:
                    print("%s %s %s %s gold %s ours %s [%s] %s" % (
                        which, pid, g["person"], g["event"], g["date"] or "-",
                        (c["date"] or "-") if c else "MISS", verdict, cls + (": " + span if span else "")))
                    if c is not None:
                        print("    ours: " + c["evidence"][:300])
                    else:
                        for st in sentences_naming(text, g["person"])[:3]:
                            print("    text: " + st[:300])
            elif verbose and bg == "news" and verdict == "wrong":
                print("%s %s %s %s gold %s ours %s [news, wrong]" % (
                    which, pid, g["person"], g["event"], g["date"], c["date"]))
    table[which] = rowc

verdicts = ["same", "ours finer, agrees", "ours coarser, agrees", "wrong",
            "gold dated, ours undated", "ours dated, gold undated", "both undated", "missed"]
for bg in ("background", "news"):
    print("\n%s rows:" % bg)
    print("| Set | " + " | ".join(verdicts) + " |")
    tot = collections.Counter()
    for which, rowc in table.items():
        print("| %s | " % which + " | ".join(str(rowc[(bg, v)]) for v in verdicts) + " |")
        for v in verdicts:
            tot[v] += rowc[(bg, v)]
    print("| all | " + " | ".join(str(tot[v]) for v in verdicts) + " |")
print("\nbackground rows not dated as the gold (classes by time expression):")
allc = collections.Counter()
for which, c in cls_tab.items():
    allc.update(c)
classes = [n for n, _ in CLASSES] + ["none"]
print("| Class | missed | matched, undated | matched, dated otherwise |")
for n in classes:
    print("| %s | %d | %d | %d |" % (n, allc[(n, "missed")], allc[(n, "undated")], allc[(n, "dated")]))
