"""The labelled news sets as the development aids read them (score.py,
date_table.py, names_table.py, coref_table.py), as news_sets.h is for the
C tools: X.txt ("=== ID date=D" then the passage) and X-gold.csv."""
import csv, json, os, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ROOT = os.path.dirname(ROOT)


def passages(which):
    """[id, publication date, text] for each passage of set 'which'."""
    out, cur = [], None
    for line in open(os.path.join(HERE, which + ".txt"), encoding="utf-8"):
        if line.startswith("=== "):
            f = line.split()
            cur = [f[1], f[2].split("=")[1], ""]
            out.append(cur)
        elif cur:
            cur[2] += line
    return out


def gold(which):
    """The gold rows of set 'which' by passage id, in file order."""
    rows = {}
    for r in csv.DictReader(open(os.path.join(HERE, which + "-gold.csv"))):
        rows.setdefault(r["id"], []).append(r)
    return rows


def extract(exe, text, date):
    """The candidates `exodus extract --json --date DATE` finds in 'text'."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as t:
        t.write(text)
    try:
        out = subprocess.run([exe, "extract", t.name, "--json", "--date", date],
                             capture_output=True, text=True).stdout
    finally:
        os.unlink(t.name)
    return json.loads(out)["files"][0]["candidates"]


def names_tool(build):
    """coref_names.c (the library's name finder on stdin) built against
    BUILD/libexodus.a; its path."""
    exe = os.path.join(build, "coref-names")
    subprocess.run(["cc", "-O1", "-std=c11", "-I" + os.path.join(ROOT, "include"),
                    "-I" + os.path.join(ROOT, "src"), "-o", exe,
                    os.path.join(HERE, "coref_names.c"),
                    os.path.join(build, "libexodus.a"), "-lsqlite3", "-lgsl",
                    "-lgslcblas", "-lm", "-ljansson", "-lmicrohttpd", "-lpq",
                    "-lcsv", "-lunistring", "-lz", "-fopenmp"], check=True)
    return exe
