# -h prints the usage on stdout
args: survival -h
status: 0
--- stdout
usage: exodus survival ORG... [--by level|org|team|cohort] [--cox TERMS]
                       [--ref level=LEVEL] [--at DAYS] [--since DATE]
                       [--ci log|log-log|plain] [--cause REASON]
                       [--competing] [--cohorts year|quarter]
                       [--ties efron|breslow] [--json]
   or: exodus survival --data FILE --time COL --event COL[=VALUE]
                       [--start COL] [--by COL] [--cox "a + b + factor(c)"]
                       [--ref c=LEVEL] [--at T] [--ties efron|breslow]
                       [--ci log|log-log|plain] [--json]

Store TERMS are joined by '+': level, org, team, role, strata(team)
or strata(role), contagion(W) (co-worker departures in the W days,
default 90, before each risk interval), entry, year (the calendar
year of each risk interval, split on 1 January).

options:
      --data FILE            a CSV file (gzip too) instead of the store
      --time COL             --data: the time (or stop) column
      --event COL[=VALUE]    --data: the event column (0/1, 1/2)
      --start COL            --data: entry times, for (start, stop] rows
      --by COL               groups for Kaplan-Meier and the log-rank test
      --cox TERMS            fit a Cox model on these terms
      --ref COL=LEVEL        reference levels of factors
      --ties efron|breslow   Cox ties (default efron, as R)
      --ci log|log-log|plain Kaplan-Meier intervals (default log)
      --at T                 survival at T (store: days or 6m, 1y; default 2y)
      --rho RHO              Fleming-Harrington rho of the test (default 0)
      --since DATE           store: observation starts at DATE; earlier hires enter late (default: the day before the first departure)
      --cause REASON         store: only departures for REASON (resignation, layoff, ..., voluntary, involuntary) are events: cause-specific curves and Cox
      --competing            store: cumulative incidence of each reason for leaving (Aalen-Johansen)
      --cohorts year|quarter store: retained at 6, 12 and 24 months by hire year or quarter

common options:
      --db PATH              the store (else $EXODUS_DB, else ./exodus.db)
      --json                 exact machine output on stdout
  -q, --quiet                no progress or notes on stderr
      --max-input SIZE       the largest input file read (k, M or G; default 1G)
  -h, --help                 show this help
