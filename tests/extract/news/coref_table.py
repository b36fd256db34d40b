#!/usr/bin/env python3
"""Development aid (ex17r): the moves of the development sets whose person
is in no sentence the learned reader scores (the trainer's oracle, TRAIN_ORACLE=1,
"unreachable" without "(mentioned)"), classified by what the text does
with the person. Heuristic: regular expressions over the sentences the
library splits, and the names its name finder reads (coref_names.c).
usage: python3 tests/extract/news/coref_table.py BUILD [-v]
(after make BUILD/libexodus.a BUILD/train-extract; never a sealed set)"""
import collections, os, re, subprocess, sys, tempfile, unicodedata

import news_sets
build = sys.argv[1]
here = news_sets.HERE
names_bin = news_sets.names_tool(build)
with tempfile.NamedTemporaryFile() as model:
    oracle_out = subprocess.run([os.path.join(build, "train-extract"), here,
                                 model.name], env=dict(os.environ, TRAIN_ORACLE="1"),
                                capture_output=True, text=True, check=True).stdout
verbose = "-v" in sys.argv
ev = ["left","joined","sabbatical","returned","fired","founded"]
texts = {}
# every development set, as the trainer whose oracle is read takes them all
for s in sorted(f[:-4] for f in os.listdir(here)
                if re.fullmatch(r"dev\d*\.txt", f)):
    texts.update((pid, text) for pid, _, text in news_sets.passages(s))
def fold(s): return unicodedata.normalize("NFC", s).casefold()
gate = re.compile(r"\b(not|never|no|cannot|n't|would|could|might|may|if|considering|attempt\w*|career|ago|interim|acting|think|thinks|believe|rumou?rs|reports|speculation|denied|denies)\b|early days|back in|\?", re.I)
trig = re.compile(r"\b(left|leav\w*|depart\w*|resign\w*|quit\w*|step\w* down|stepp\w* down|join\w*|hired|hire|appoint\w*|named|tapped|poach\w*|fired|ousted|oust|dismiss\w*|sacked|found\w*|co-?found\w*|launch\w*|start\w*|return\w*|rejoin\w*|sabbatical|exit\w*|retir\w*|move[ds]?|recruit\w*|became|becomes|succeed\w*|replac\w*|took over|takes over|brought|came back|back to|axed|let go|out as|ouster)\b", re.I)
role = re.compile(r"\b[Tt]he (former |new |longtime |then-|veteran )?(\d+-year-old|co-?founder|founder|executive|chief|ceo|cfo|cto|coo|president|chairman|coach|manager|researcher|scientist|billionaire|engineer|veteran|head|director|entrepreneur|investor|banker|[A-Z][a-z]+(ian|ish|ese|er|an|on))\b")
cnt = collections.Counter(); rows = []
for line in oracle_out.splitlines():
    m = re.match(r"\s+unreachable (\S+) (.+) (\d)$", line.rstrip())
    if not m or "(mentioned)" in line: continue
    pid, key, e = m.group(1), m.group(2), int(m.group(3))
    t = texts[pid]; b = t.encode()
    out = subprocess.run([names_bin], input=b, capture_output=True).stdout.decode().split("\n")
    sents = [tuple(map(int, l.split()[1:])) for l in out if l.startswith("S ")]
    names = [tuple(map(int, l.split()[1:])) for l in out if l.startswith("N ")]
    toks = key.split(); last = toks[-1].rstrip('.')
    if last in ("jr", "sr") and len(toks) > 2: last = toks[-2]
    def sent_of(o):
        for i,(p,a,z) in enumerate(sents):
            if a <= o < z: return i
        return -1
    found = [n for n in names if fold(b[n[0]:n[1]].decode()).split()[-1].rstrip('.') in (last, toks[0]) or fold(b[n[0]:n[1]].decode()) == key]
    # single-word mentions of the surname the extractor links (capitalised)
    occ = [mm.start() for mm in re.finditer(r"\b" + re.escape(last) + r"\b", fold(t))]
    occ_b = [len(t[:o].encode()) for o in occ]
    snamed = sorted(set(sent_of(n[0]) for n in found) | (set(sent_of(o) for o in occ_b) if found else set()))
    stext = lambda i: b[sents[i][1]:sents[i][2]].decode()
    detail = ""
    if not found:
        if not occ: cls = "N0 person's name not in the passage as labelled"
        else:
            ctx = t[max(0,occ[0]-40):occ[0]+len(last)+10].replace("\n"," ")
            w = t[occ[0]:occ[0]+len(last)]
            if w.islower(): cls = "N1 name finder: lower-case name"
            elif w.isupper(): cls = "N2 name finder: upper-case name"
            else: cls = "N3 name finder: name missed in context"
            detail = ctx
    else:
        scored = [i for i in snamed if trig.search(stext(i)) and not gate.search(stext(i))]
        gated = [i for i in snamed if trig.search(stext(i)) and gate.search(stext(i))]
        others = [i for i in range(len(sents)) if i not in snamed and trig.search(stext(i)) and not gate.search(stext(i))]
        if gated and not scored:
            cls = "G  named, but only in a gated sentence (negation, 'would', 'ago', 'career', 'interim')"
            detail = stext(gated[0])[:150]
        elif others:
            # the first sentence after the person's first mention that carries a trigger
            nxt = [i for i in others if i > snamed[0]] or others
            x = stext(nxt[0]); detail = x[:150]
            para_cross = sents[nxt[0]][0] != sents[snamed[-1] if snamed[-1] < nxt[0] else snamed[0]][0]
            if re.search(r"^(He|She)\b|[,;] (he|she)\b|\b(He|She|he|she) (has|had|was|is|will|left|joined|quit|resigned|became|then|later|also|returned|founded|moved|went|took|stepped)", x):
                cls = "P1 pronoun across a paragraph" if para_cross else "P0 pronoun across a sentence"
            elif re.search(r"\b([Hh]is|[Hh]er) ", x): cls = "P2 possessive (his/her ...)"
            elif role.search(x): cls = "R  role noun / definite description"
            else: cls = "O1 other: the move told without the person (list, headline, object)"
        else:
            cls = "O2 other: no trigger the rules know"; detail = stext(snamed[0])[:150] if snamed else ""
    cnt[cls[:2]] += 1; rows.append((cls, pid, key, ev[e], detail))
for r in sorted(rows):
    print("%-4s %s %-22s %-9s | %s" % (r[0][:2], r[1], r[2], r[3], r[4].replace("\n"," ")) if verbose else "", end="\n" if verbose else "")
names_ = {r[0][:2]: r[0] for r in rows}
for k,v in sorted(cnt.items()): print("%4d  %s" % (v, names_[k]))
print("%4d  all" % sum(cnt.values()))
