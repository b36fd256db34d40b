# help lists every option
args: flows -h
status: 0
--- stdout
usage: exodus flows [--since DATE] [--until DATE] [--level LEVEL,...]
                    [--weights founder=5,exec=3,lead=2,ic=1,board=1]
                    [--top K] [--gap DAYS] [--excitation ORG ORG...]
                    [--decay shared|pair] [--json]

options:
      --since DATE           moves from DATE (YYYY-MM-DD)
      --until DATE           moves to DATE
      --level LEVEL,...      only moves out of these levels
      --weights LEVEL=W,...  weight per level left (founder=5,exec=3,lead=2,ic=1,board=1)
      --top K                net flows listed (default 10)
      --gap DAYS             infer a move when a new spell starts within DAYS (default 365)
      --excitation ORG       Hawkes cross-excitation among ORG and the organisations named after the options (2 to 4)
      --decay shared|pair    --excitation: one decay for all pairs (default) or one per pair

common options:
      --db PATH              the store (else $EXODUS_DB, else ./exodus.db)
      --json                 exact machine output on stdout
  -q, --quiet                no progress or notes on stderr
      --max-input SIZE       the largest input file read (k, M or G; default 1G)
  -h, --help                 show this help
--- stderr
