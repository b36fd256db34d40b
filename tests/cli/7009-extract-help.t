args: extract -h
status: 0
--- stdout
usage: exodus extract FILE... [--org-context NAME] [--csv | --json]
                      [--import] [--review-below X] [--min-confidence X]
                      [--date DATE]

options:
      --org-context NAME     the organisation the text is about (default: the one named most)
      --csv                  CSV in the 'exodus import moves' format
      --import               add the candidates to the store (source extract:FILE)
      --min-confidence X     leave out candidates below X (0 to 1)
      --date DATE            publication date, for moves the sentence does not date
      --review-below X       with --import, list candidates below confidence X (default 0.80) for review instead of importing them

common options:
      --db PATH              the store (else $EXODUS_DB, else ./exodus.db)
      --json                 exact machine output on stdout
  -q, --quiet                no progress or notes on stderr
      --max-input SIZE       the largest input file read (k, M or G; default 1G)
  -h, --help                 show this help
