/*
 * exodus.h - the public API of exodus, the talent-exodus measurement library.
 *
 * This is the only installed header. It includes only the C standard
 * library: no SQLite, GSL or jansson type appears here, so callers need none
 * of those headers and exodus may change libraries without breaking them.
 *
 * Conventions (see STYLE.md in the design folder):
 *   - A fallible function returns exo_code and takes 'exo_err *err' last;
 *     'err' may be NULL. On success 'err' is left untouched.
 *   - Results are caller-owned structs: zero them, pass them in, release
 *     their contents with the matching _release function. A zeroed result
 *     can always be released. On failure the result is left zeroed.
 *   - Inputs are borrowed for the duration of the call only.
 *   - Times handed to models are days since 1970-01-01 as double.
 */
#ifndef EXODUS_H
#define EXODUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define EXO_API __attribute__((visibility("default")))
#else
#define EXO_API
#endif

#define EXO_VERSION_MAJOR 0
#define EXO_VERSION_MINOR 1
#define EXO_VERSION_PATCH 0
#define EXO_VERSION_NUMBER                                                     \
    (EXO_VERSION_MAJOR * 10000 + EXO_VERSION_MINOR * 100 + EXO_VERSION_PATCH)

/* "0.1.0": static text. */
EXO_API const char *exo_version(void);

/* ==== Errors ==== */

/* Result codes. Append only: never renumber or remove one. */
typedef enum exo_code {
    EXO_OK = 0,
    EXO_ENOMEM,    /* an allocation failed */
    EXO_EINVAL,    /* an argument or option value is invalid */
    EXO_EDATA,     /* input data is malformed or impossible; file/line/column set */
    EXO_ENOENT,    /* an input file does not exist or cannot be opened */
    EXO_EIO,       /* reading or writing failed; 'sys' holds errno */
    EXO_ESTORE,    /* the SQLite store failed; 'sys' holds the extended code */
    EXO_ENOTFOUND, /* a named organisation, person or alias is not in the store */
    EXO_ENUMERIC,  /* no usable estimate (singular, NaN, infeasible) */
    EXO_ECANCELED, /* the progress hook asked to stop */
    EXO_EINTERNAL  /* a bug: an internal invariant did not hold */
} exo_code;

typedef struct exo_err {
    exo_code code; /* EXO_OK until something fails */
    int sys;       /* errno, SQLite extended code, GSL status, or 0 */
    long line;     /* 1-based line in 'file'; 0 when not about input */
    long column;   /* 1-based character column in that line; 0 if unknown */
    char file[256]; /* input being read ("moves.csv", "-"), or "" */
    char msg[256];  /* "what is wrong (what was expected)" */
} exo_err;

#define EXO_MAX_ERRORS 20

/* Several input errors at once, in input order, without allocation. */
typedef struct exo_errlist {
    size_t n;       /* recorded, at most EXO_MAX_ERRORS */
    size_t n_total; /* seen, including those past EXO_MAX_ERRORS */
    exo_err item[EXO_MAX_ERRORS];
} exo_errlist;

/* Static text for 'code', never NULL ("unknown error" for unknown codes). */
EXO_API const char *exo_strerror(exo_code code);
/* Resets 'err' to EXO_OK with empty strings. Accepts NULL. */
EXO_API void exo_err_clear(exo_err *err);
/*
 * Writes "file:line:column: msg" into 'buf' (at most 'size' bytes, always
 * terminated), leaving out the parts that are unknown. Returns the length
 * the full text would have, like snprintf.
 */
EXO_API size_t exo_err_format(const exo_err *err, char *buf, size_t size);

/* Non-fatal events and progress for long calls. All members may be NULL. */
typedef struct exo_hooks {
    void (*warn)(void *ud, const exo_err *warning); /* NULL: warnings dropped */
    int (*progress)(void *ud, double done); /* done in [0,1]; nonzero: stop */
    void *ud;
} exo_hooks;

/* ==== Memory ==== */

/*
 * Replaces the allocator used for every heap allocation exodus makes.
 * Call before any other exodus function; not thread-safe. Passing NULLs
 * restores malloc/realloc/free.
 */
EXO_API void exo_set_allocator(void *(*malloc_fn)(size_t),
                               void *(*realloc_fn)(void *, size_t),
                               void (*free_fn)(void *));
/* Frees memory that exodus handed to the caller as 'char *' or array. */
EXO_API void exo_free(void *p);

/* ==== Dates ==== */

typedef enum exo_precision {
    EXO_PREC_DAY = 0,
    EXO_PREC_MONTH,
    EXO_PREC_YEAR
} exo_precision;

/* A calendar date: days since 1970-01-01 and how precisely it is known. */
typedef struct exo_date {
    int32_t days;
    exo_precision precision;
} exo_date;

/*
 * Parses an ISO 8601 calendar date: "YYYY-MM-DD" (day precision),
 * "YYYY-MM" (month) or "YYYY" (year); a month or year date stands for its
 * first day. Rejects impossible dates (2024-02-30) with EXO_EDATA.
 */
EXO_API exo_code exo_date_parse(const char *text, exo_date *out /* OUT */,
                                exo_err *err);
/*
 * Parses 'text' with a strftime-like 'format' of %Y %m %d %y %b and
 * literal characters ("%m/%d/%Y"); a time part after the date is ignored.
 */
EXO_API exo_code exo_date_parse_format(const char *text, const char *format,
                                       exo_date *out /* OUT */, exo_err *err);
/* Writes "YYYY-MM-DD" (11 bytes with the terminator) for 'days'. */
EXO_API void exo_date_format(int32_t days, char buf[static 11]);
/* Days since 1970-01-01 of a valid proleptic Gregorian y-m-d. */
EXO_API int32_t exo_days_from_civil(int year, int month, int day);
/* The inverse of exo_days_from_civil. */
EXO_API void exo_civil_from_days(int32_t days, int *year, int *month,
                                 int *day);

/* ==== Store ==== */

typedef struct exo_store exo_store;

#define EXO_STORE_CREATE 1 /* create the file and schema when missing */
#define EXO_STORE_READONLY 2

/*
 * Opens (and with EXO_STORE_CREATE creates) the store at 'path', applying
 * pending schema migrations. On failure '*out' is NULL and there is nothing
 * to close. The handle is used by one thread at a time.
 */
EXO_API exo_code exo_store_open(const char *path, int flags,
                                exo_store **out /* OUT */, exo_err *err);
/* Closes 'store'; accepts NULL. */
EXO_API void exo_store_close(exo_store *store);
/* The schema version the store is at. */
EXO_API int exo_store_schema_version(exo_store *store);

/* ==== Import ==== */

typedef enum exo_import_kind {
    EXO_IMPORT_MOVES = 0,
    EXO_IMPORT_SPELLS,
    EXO_IMPORT_FINANCE,
    EXO_IMPORT_ALIASES
} exo_import_kind;

typedef enum exo_format {
    EXO_FORMAT_AUTO = 0, /* from the file name: .json, else CSV */
    EXO_FORMAT_CSV,
    EXO_FORMAT_JSON
} exo_format;

typedef struct exo_import_opts {
    exo_format format;
    /*
     * Column mapping "field=Their Column,field2=Other"; NULL for none.
     * Fields not mapped are read from columns of their own name.
     */
    const char *map;
    const char *date_format; /* e.g. "%m/%d/%Y"; NULL: ISO 8601 */
    const char *null_date;   /* a value meaning "no date", e.g. "1/1/1900" */
    const char *org;         /* spells: the organisation when no column has it */
    /* spells: "Their Reason=left,Layoff=fired" mapping of end reasons */
    const char *reason_map;
    const char *source; /* provenance recorded for rows without a source */
    exo_hooks hooks;
} exo_import_opts;

typedef struct exo_import_result {
    size_t n_rows;     /* data rows read */
    size_t n_new;      /* records added */
    size_t n_present;  /* records already in the store (natural key) */
    size_t n_merged;   /* rows folded into another row's record (spells) */
} exo_import_result;

/* Zero is "all defaults"; provided for symmetry with the other options. */
EXO_API void exo_import_opts_init(exo_import_opts *opts);

/*
 * Imports 'path' ("-" for standard input) into 'store' as one transaction.
 * Every row is validated first; on any bad row nothing is written, up to
 * EXO_MAX_ERRORS errors are recorded in 'errors' (may be NULL) and
 * EXO_EDATA is returned with a summary in 'err'.
 */
EXO_API exo_code exo_import_file(exo_store *store, exo_import_kind kind,
                                 const char *path,
                                 const exo_import_opts *opts,
                                 exo_import_result *result /* OUT */,
                                 exo_errlist *errors /* OUT */, exo_err *err);

/* ==== Queries ==== */

/* The levels of DESIGN.md; EXO_LEVEL_NONE when the data does not say. */
typedef enum exo_level {
    EXO_LEVEL_NONE = 0,
    EXO_LEVEL_FOUNDER,
    EXO_LEVEL_EXEC,
    EXO_LEVEL_LEAD,
    EXO_LEVEL_IC,
    EXO_LEVEL_BOARD
} exo_level;
#define EXO_N_LEVELS 6

/* "founder", ...; "" for EXO_LEVEL_NONE. Static text. */
EXO_API const char *exo_level_name(exo_level level);
/* Parses a level name; returns false when 'name' is none of them. */
EXO_API bool exo_level_parse(const char *name, exo_level *out);

/* Filters for the event queries; zero means no filter. */
typedef struct exo_filter {
    bool has_since, has_until;
    int32_t since, until; /* days since 1970-01-01, inclusive */
    unsigned level_mask;  /* bit (1u << exo_level); 0: all levels */
} exo_filter;

typedef struct exo_org_row {
    char *name;
    char *kind;
    size_t n_people;     /* distinct people with a spell or move there */
    size_t n_departures; /* see exo_departures */
    size_t n_arrivals;
} exo_org_row;

typedef struct exo_org_list {
    size_t n;
    exo_org_row *rows;
} exo_org_list;

EXO_API exo_code exo_orgs_list(exo_store *store, exo_org_list *out /* OUT */,
                               exo_err *err);
EXO_API void exo_org_list_release(exo_org_list *list);

/*
 * Resolves 'name' through the alias table and Unicode case folding to the
 * stored organisation name. '*canonical' is the caller's, freed with
 * exo_free. EXO_ENOTFOUND when no organisation matches.
 */
EXO_API exo_code exo_org_resolve(exo_store *store, const char *name,
                                 char **canonical /* OUT */, exo_err *err);

/* The kinds of event in a move or an end of spell. */
typedef enum exo_event {
    EXO_EVENT_LEFT = 0,
    EXO_EVENT_JOINED,
    EXO_EVENT_SABBATICAL,
    EXO_EVENT_RETURNED,
    EXO_EVENT_FIRED,
    EXO_EVENT_FOUNDED,
    EXO_EVENT_DIED,
    EXO_EVENT_ACQUIRED,
    EXO_EVENT_UNKNOWN
} exo_event;
EXO_API const char *exo_event_name(exo_event event);

/* One departure from or arrival at an organisation, or one reported move. */
typedef struct exo_move {
    char *person;
    char *from_org; /* NULL when unknown */
    char *to_org;   /* NULL when unknown */
    char *role;     /* NULL when unknown */
    exo_level level;
    exo_event event;
    exo_date date;
    char *source; /* NULL when none */
    bool from_spell; /* derived from an HR spell rather than a reported move */
} exo_move;

typedef struct exo_move_list {
    size_t n;
    exo_move *rows;
} exo_move_list;

/*
 * Reported moves touching 'org' (NULL: all), filtered, in date order.
 */
EXO_API exo_code exo_moves_list(exo_store *store, const char *org,
                                const exo_filter *filter,
                                exo_move_list *out /* OUT */, exo_err *err);
/*
 * Departures from 'org' in date order: reported moves out of it (left,
 * fired, sabbatical, founded elsewhere) and ends of its spells. Joined and
 * returned rows name where someone came from, but a departure already has
 * its own row, so they are not counted again.
 */
EXO_API exo_code exo_departures(exo_store *store, const char *org,
                                const exo_filter *filter,
                                exo_move_list *out /* OUT */, exo_err *err);
/* Arrivals at 'org': reported moves into it and starts of its spells. */
EXO_API exo_code exo_arrivals(exo_store *store, const char *org,
                              const exo_filter *filter,
                              exo_move_list *out /* OUT */, exo_err *err);
EXO_API void exo_move_list_release(exo_move_list *list);

typedef struct exo_person_row {
    char *name;
    char *orgs; /* comma-separated organisations, in first-seen order */
    size_t n_records;
} exo_person_row;

typedef struct exo_person_list {
    size_t n;
    exo_person_row *rows;
} exo_person_list;

EXO_API exo_code exo_people_list(exo_store *store, const char *org,
                                 exo_person_list *out /* OUT */, exo_err *err);
EXO_API void exo_person_list_release(exo_person_list *list);

/*
 * Employment spells at 'org' as plain arrays, for headcount and survival.
 * end is NaN while the spell is open; 'event' is true when the spell ended
 * in a departure (left, fired), false when it is censored or ended for
 * another reason. Strings are owned by the struct.
 */
typedef struct exo_spells {
    size_t n;
    double *start;  /* days since 1970-01-01 */
    double *end;    /* days, or NaN when open */
    exo_event *end_reason;
    exo_level *level;
    char **person;
    char **team; /* entries may be NULL */
} exo_spells;

EXO_API exo_code exo_spells_load(exo_store *store, const char *org,
                                 exo_spells *out /* OUT */, exo_err *err);
EXO_API void exo_spells_release(exo_spells *spells);

typedef struct exo_finance_row {
    char *org;
    exo_date date;
    char *kind;
    double amount_usd; /* NaN when no figure applies */
    char *note;
    char *source;
} exo_finance_row;

typedef struct exo_finance_list {
    size_t n;
    exo_finance_row *rows;
} exo_finance_list;

EXO_API exo_code exo_finance_list_load(exo_store *store, const char *org,
                                       exo_finance_list *out /* OUT */,
                                       exo_err *err);
EXO_API void exo_finance_list_release(exo_finance_list *list);

/* ==== Stats (src/model/metrics.c) ==== */

typedef enum exo_period {
    EXO_PERIOD_MONTH = 0,
    EXO_PERIOD_QUARTER,
    EXO_PERIOD_YEAR
} exo_period;

/* Start day of the period containing 'day', and of the next one. */
EXO_API int32_t exo_period_floor(exo_period period, int32_t day);
EXO_API int32_t exo_period_next(exo_period period, int32_t day);

typedef struct exo_period_row {
    int32_t start, end; /* [start, end) in days */
    size_t departures;
    size_t arrivals;
    bool has_headcount;
    double headcount_start, headcount_end;
    double headcount_avg; /* time-average over the period */
    double attrition_annual; /* departures / avg headcount * periods per year */
    size_t by_level[EXO_N_LEVELS]; /* departures by level */
} exo_period_row;

typedef struct exo_stats {
    exo_period period;
    size_t n;
    exo_period_row *rows;
    size_t total_departures, total_arrivals;
} exo_stats;

/*
 * Per-period departures and arrivals over [first, last] event, and where
 * 'spells' has rows, headcount and annualised attrition. Times are days.
 * 'departure_days'/'arrival_days' need not be sorted; 'departure_levels'
 * may be NULL.
 */
EXO_API exo_code exo_stats_compute(exo_period period,
                                   const double *departure_days,
                                   const exo_level *departure_levels,
                                   size_t n_departures,
                                   const double *arrival_days,
                                   size_t n_arrivals, const exo_spells *spells,
                                   const exo_filter *filter,
                                   exo_stats *out /* OUT */, exo_err *err);
EXO_API void exo_stats_release(exo_stats *stats);

/* One member of the core team (founders, or execs) and whether they left. */
typedef struct exo_core_member {
    char *person;
    char *role;
    exo_level level;
    exo_date joined;
    bool has_left;
    exo_date left;
    char *went_to; /* NULL when unknown or still there */
} exo_core_member;

typedef struct exo_core_team {
    size_t n;
    exo_core_member *rows;
    size_t n_founders, n_founders_remaining;
    size_t n_execs, n_execs_remaining;
} exo_core_team;

/*
 * The founders and executives of 'org' as the store knows them, each with
 * their last recorded departure (a return after it cancels it).
 */
EXO_API exo_code exo_core_team_load(exo_store *store, const char *org,
                                    exo_core_team *out /* OUT */,
                                    exo_err *err);
EXO_API void exo_core_team_release(exo_core_team *team);

/* ==== Models: Hawkes (src/model/hawkes*.c) ==== */

/* ==== Models: survival (src/model/km.c, cox.c) ==== */

#ifdef __cplusplus
}
#endif
#endif /* EXODUS_H */
