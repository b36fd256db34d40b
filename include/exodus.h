/*
 * exodus.h - the public API of exodus, the talent-exodus measurement library.
 *
 * This is the only installed header. It includes only the C standard
 * library: no SQLite, GSL or jansson type appears here, so callers need none
 * of those headers and exodus may change libraries without breaking them.
 *
 * Conventions:
 *   - Names are exo_<noun>_<verb>. A call whose result must be released
 *     fills an exo_T and is named exo_T_<verb> (_load from the store or a
 *     file, _parse from text, _compute from arrays, _fit for a model), so
 *     that it and exo_T_release share a prefix. A variant adds a word
 *     after the verb: exo_move_list_load_departures fills the same
 *     exo_move_list as exo_move_list_load, and exo_move_list_release
 *     frees either. Model calls that return a number or fill plain
 *     structs or caller arrays name the quantity after the model
 *     (exo_hawkes_loglik, exo_hawkes_forecast, exo_km_quantile), as GSL
 *     does. exo_import_* and exo_extract_* name the operation and what it
 *     reads (exo_extract_text fills an exo_candidate_list, freed by
 *     exo_candidate_list_release). exo_version, exo_strerror and exo_free
 *     keep their usual C names, and the calendar conversions read as
 *     formulas (exo_days_from_civil).
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
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define EXO_API __attribute__((visibility("default")))
#else
#define EXO_API
#endif

/*
 * 'char buf[EXO_MIN_SIZE(11)]': a buffer of at least 11 bytes. In C this is
 * C99's [static 11], which lets the compiler check callers; C++ has no such
 * syntax, and there the parameter is a plain pointer as it would be anyway.
 */
#ifdef __cplusplus
#define EXO_MIN_SIZE(n) n
#else
#define EXO_MIN_SIZE(n) static n
#endif

/*
 * The version, and its only source: the Makefile (the shared library's
 * name, pkg-config's exodus.pc), exo_version(), 'exodus --version', the
 * manual page and the Python module all read it from these three lines.
 */
#define EXO_VERSION_MAJOR 0
#define EXO_VERSION_MINOR 1
#define EXO_VERSION_PATCH 0
#define EXO_VERSION_NUMBER                                                     \
    (EXO_VERSION_MAJOR * 10000 + EXO_VERSION_MINOR * 100 + EXO_VERSION_PATCH)

/* "MAJOR.MINOR.PATCH" of the macros above: static text. */
EXO_API const char *exo_version(void);

/* ==== Errors ==== */

/* Result codes. Append only: never renumber or remove one. */
typedef enum exo_code {
    EXO_OK = 0,
    EXO_ENOMEM, /* an allocation failed */
    EXO_EINVAL, /* an argument or option value is invalid */
    EXO_EDATA, /* input data is malformed or impossible; file/line/column set */
    EXO_ENOENT,    /* an input file does not exist or cannot be opened */
    EXO_EIO,       /* reading or writing failed; 'sys' holds errno */
    EXO_ESTORE,    /* the SQLite store failed; 'sys' holds the extended code */
    EXO_ENOTFOUND, /* a named organisation, person or alias is not in the store
                    */
    EXO_ENUMERIC,  /* no usable estimate (singular, NaN, infeasible) */
    EXO_ECANCELED, /* the progress hook asked to stop */
    EXO_EINTERNAL  /* a bug: an internal invariant did not hold */
} exo_code;

typedef struct exo_err {
    exo_code code;  /* EXO_OK until something fails */
    int sys;        /* errno, SQLite extended code, GSL status, or 0 */
    long line;      /* 1-based line in 'file'; 0 when not about input */
    long column;    /* 1-based character column in that line; 0 if unknown */
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

/*
 * Non-fatal notes and progress for long calls. All members may be NULL.
 * The calls that take hooks, and what they call:
 *   exo_import_file, exo_import_moves  progress through reading and
 *       writing (stop: EXO_ECANCELED, nothing written); exo_import_file
 *       also warns once, naming the CSV columns a 'map' leaves unread
 *   exo_hawkes_bootstrap               progress every 16 replicates
 *   exo_runway_run                     progress every 256 Monte Carlo paths
 *   exo_report_html                    progress once per organisation
 * No other call reads them. A nonzero progress answer ends the call with
 * EXO_ECANCELED. A warning is an exo_err that locates its note (file,
 * line, column) as an error would; its code says what the note is about
 * (EXO_EDATA: the input). Hooks are called one call at a time, from the
 * calling thread, except that exo_hawkes_bootstrap and exo_runway_run
 * call progress from whichever of their OpenMP threads reaches the step.
 */
typedef struct exo_hooks {
    void (*warn)(void *ud, const exo_err *warning); /* NULL: warnings dropped */
    int (*progress)(void *ud, double done); /* done in [0,1]; nonzero: stop */
    void *ud;
} exo_hooks;

/* ==== Memory ==== */

/*
 * Replaces the allocator used for every heap allocation exodus makes.
 * Call before any other exodus function; not thread-safe. Passing NULLs
 * restores malloc/realloc/free. The functions given must be thread-safe:
 * exo_import_file validates a large moves CSV in a second thread, which
 * allocates while the calling thread does.
 */
EXO_API void exo_allocator_set(void *(*malloc_fn)(size_t),
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
EXO_API void exo_date_format(int32_t days, char buf[EXO_MIN_SIZE(11)]);
/* Days since 1970-01-01 of a valid proleptic Gregorian y-m-d. */
EXO_API int32_t exo_days_from_civil(int year, int month, int day);
/* The inverse of exo_days_from_civil. */
EXO_API void exo_civil_from_days(int32_t days, int *year, int *month, int *day);

/*
 * Writes 'usd' as people read money, with three significant figures and a
 * unit: "$1.23B", "$456.7M", "$12.3k", "-$2.00B", "$1.00T"; "-" when it is
 * not finite. 'buf' holds 32 bytes; returns it.
 */
EXO_API const char *exo_usd_format(double usd, char buf[EXO_MIN_SIZE(32)]);

/* ==== Store ==== */

typedef struct exo_store exo_store;

#define EXO_STORE_CREATE 1 /* create the file and schema when missing */
#define EXO_STORE_READONLY 2

/*
 * Opens (and with EXO_STORE_CREATE creates) the store at 'path', applying
 * pending schema migrations. On failure '*out' is NULL and there is nothing
 * to close. The handle is used by one thread at a time.
 *
 * With EXO_STORE_READONLY nothing in the file is created or changed: a
 * missing path is EXO_ENOENT, an empty file EXO_ESTORE, and a store that
 * SQLite cannot open for shared reading (a read-only directory, where the
 * WAL's -shm file cannot be made) is read as immutable. A file that is not
 * an exodus store (not SQLite, or someone else's database) is refused with
 * EXO_ESTORE, naming 'path', in every mode and left byte for byte as it
 * was; only an empty file or an exodus store is made a store of or
 * migrated, and switched to WAL.
 */
EXO_API exo_code exo_store_open(const char *path, int flags,
                                exo_store **out /* OUT */, exo_err *err);
/* Closes 'store'; accepts NULL. */
EXO_API void exo_store_close(exo_store *store);
/* The schema version the store is at. */
EXO_API int exo_store_schema_version(exo_store *store);
/* 'path' as it may be shown (in output, a report, logs) into 'out' of
 * 'size' bytes: a password in a database URI ("user:secret@") becomes
 * "***"; a file path is unchanged. */
EXO_API void exo_store_label(const char *path, char *out, size_t size);
/*
 * For a program that owns its process, as the exodus CLI does: turns off
 * SQLite's memory statistics, which take a process-wide lock on every
 * allocation (about a tenth of a large import) and which exodus never
 * reads. The setting belongs to the whole process, and another part of it
 * may use SQLite and want the statistics, so the library never makes it by
 * itself. Call it before anything in the process uses SQLite (exodus or
 * not); not thread-safe. Later it changes nothing and fails with
 * EXO_ESTORE.
 */
EXO_API exo_code exo_store_tune_process(exo_err *err);

/* ==== Import ==== */

/*
 * The most bytes one input file may hold once decompressed. Every input is
 * read whole into memory, so the cap bounds what a gzip bomb or /dev/zero
 * can take; a file past it is EXO_EDATA at the place it passes it. 'bytes'
 * 0 restores the default: $EXODUS_MAX_INPUT when set (bytes, with an
 * optional k, M or G suffix), else 1 GiB. Call before reading any input;
 * not thread-safe. exo_input_limit() is the cap now in force.
 */
EXO_API void exo_input_limit_set(size_t bytes);
EXO_API size_t exo_input_limit(void);
/* Reads a size as the cap takes it: decimal digits, then optionally k, M
 * or G (binary multiples). False when 'text' is anything else, 0, or past
 * SIZE_MAX. */
EXO_API bool exo_input_size_parse(const char *text, size_t *bytes /* OUT */);

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
    const char *org; /* spells: the organisation when no column has it */
    /* spells: "Their Reason=left,Layoff=fired" mapping of end reasons */
    const char *reason_map;
    const char *source; /* provenance recorded for rows without a source */
    exo_hooks hooks;
    /*
     * Validate and write as usual, inside the transaction, then roll it
     * back: the result (and 'merged') say what the import would do, and
     * the store is left as it was.
     */
    bool dry_run;
    /*
     * Aliases: called for each organisation that an alias row merges into
     * another ('from' is removed; its records and aliases move to 'into'),
     * with both stored names and hooks.ud, from the calling thread, before
     * the commit: the merges hold only if the import then returns EXO_OK
     * and is not a dry run. NULL: not called.
     */
    void (*merged)(void *ud, const char *from, const char *into);
    /*
     * Spells: the date the export was taken. Recorded for each
     * organisation of the file, it is where open spells are censored
     * (instead of the last event the data records).
     */
    bool has_as_of;
    int32_t as_of; /* days since 1970-01-01 */
    /*
     * Spells: the file lists every spell of its organisations, so a stored
     * spell it leaves out has ended: open ones end on the as-of date (or
     * the file's latest date), end reason unknown. Without it they are
     * counted and left as they are (a file may be a partial export).
     */
    bool full_snapshot;
} exo_import_opts;

typedef struct exo_import_result {
    size_t n_rows;        /* data rows read */
    size_t n_new;         /* records added */
    size_t n_present;     /* records already in the store (natural key) */
    size_t n_merged;      /* rows folded into another row's record (spells) */
    size_t n_orgs_merged; /* organisations merged into another (aliases) */
    /* Spells: a stored spell is refreshed by a later export (an end date
     * that appears or moves, a new team or role). 'n_present' counts the
     * spells the file repeats unchanged, 'n_updated' those it changed. */
    size_t n_updated;
    size_t n_missing;      /* stored spells of the file's orgs it leaves out */
    size_t n_missing_open; /* ... of them open */
    size_t n_closed;       /* ... ended by full_snapshot */
    int32_t closed_on;     /* the day they ended (full_snapshot) */
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
                                 const char *path, const exo_import_opts *opts,
                                 exo_import_result *result /* OUT */,
                                 exo_errlist *errors /* OUT */, exo_err *err);

/* ==== Queries ==== */

/* The level of a role; EXO_LEVEL_NONE when the data does not say. */
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
    bool with_leave;      /* departures: count leaves of absence too */
} exo_filter;

typedef struct exo_org_row {
    char *name;
    char *kind;
    size_t n_people;     /* distinct people with a spell or move there */
    size_t n_departures; /* see exo_move_list_load_departures */
    size_t n_arrivals;
} exo_org_row;

typedef struct exo_org_list {
    size_t n;
    exo_org_row *rows;
} exo_org_list;

EXO_API exo_code exo_org_list_load(exo_store *store,
                                   exo_org_list *out /* OUT */, exo_err *err);
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

/*
 * Why someone left, as a people-analytics team records it: the detail an
 * HR export gives beyond the spell's end_reason (left, fired, died). Each
 * reason implies an end_reason (resignation, retirement, end of contract,
 * transfer and other: left; layoff and dismissal: fired; death: died) and
 * a class: voluntary (the employee's choice) or involuntary. The
 * vocabulary is src/core/vocab.c's; docs/hr.md defines each word.
 */
typedef enum exo_reason {
    EXO_REASON_NONE = 0, /* the data does not say */
    EXO_REASON_RESIGNATION,
    EXO_REASON_RETIREMENT,
    EXO_REASON_LAYOFF,
    EXO_REASON_DISMISSAL,
    EXO_REASON_END_OF_CONTRACT,
    EXO_REASON_DEATH,
    EXO_REASON_TRANSFER,
    EXO_REASON_OTHER
} exo_reason;
#define EXO_N_REASONS 9
/* "resignation", ..., "end_of_contract"; "" for EXO_REASON_NONE. */
EXO_API const char *exo_reason_name(exo_reason reason);
EXO_API bool exo_reason_parse(const char *name, exo_reason *out);
/* True for resignation and retirement: the employee chose to go. */
EXO_API bool exo_reason_voluntary(exo_reason reason);
/* The end_reason a reason implies (left, fired or died). */
EXO_API exo_event exo_reason_event(exo_reason reason);

/* One departure from or arrival at an organisation, or one reported move. */
typedef struct exo_move {
    char *person;
    char *from_org; /* NULL when unknown */
    char *to_org;   /* NULL when unknown */
    char *role;     /* NULL when unknown */
    exo_level level;
    exo_event event;
    exo_date date;
    char *source;    /* NULL when none */
    bool from_spell; /* derived from an HR spell rather than a reported move */
    exo_reason reason; /* why, for a spell's end that says (schema 003) */
} exo_move;

typedef struct exo_move_list {
    size_t n;
    exo_move *rows;
} exo_move_list;

/*
 * Reported moves touching 'org' (NULL: all), filtered, in date order.
 */
EXO_API exo_code exo_move_list_load(exo_store *store, const char *org,
                                    const exo_filter *filter,
                                    exo_move_list *out /* OUT */, exo_err *err);
/*
 * Departures and arrivals are moves too: the two calls below fill an
 * exo_move_list, so they are exo_move_list_load variants and share its
 * release, rather than nouns of their own with a release each.
 *
 * Departures from 'org' in date order (src/analysis/departures.c owns the
 * rule): reported moves out of it (left, fired, founded elsewhere) and ends
 * of its spells. Leaves of absence (sabbaticals) are their own kind and
 * count only with filter->with_leave. A person's repeated report of one
 * departure (a later report within a year of the end of the earlier one's
 * precision window, with no arrival at 'org' between them) counts once, at
 * its most precise date; '*n_folded' (may be NULL) counts the reports
 * folded. Joined and returned rows name where someone came from, but a
 * departure already has its own row, so they are not counted again.
 */
EXO_API exo_code exo_move_list_load_departures(
    exo_store *store, const char *org, const exo_filter *filter,
    exo_move_list *out /* OUT */, size_t *n_folded /* OUT, may be NULL */,
    exo_err *err);
/* Arrivals at 'org': reported moves into it and starts of its spells. */
EXO_API exo_code exo_move_list_load_arrivals(exo_store *store, const char *org,
                                             const exo_filter *filter,
                                             exo_move_list *out /* OUT */,
                                             exo_err *err);
EXO_API void exo_move_list_release(exo_move_list *list);

/*
 * Imports 'n' moves held in memory, with exactly the validation and the
 * single transaction of exo_import_file on a moves file: the first
 * element is "line 1" of the input named 'opts->source' (or "moves") in
 * error locations. Each move's 'source' (NULL: 'opts->source') is recorded
 * as its provenance; 'from_spell' is ignored. A level of EXO_LEVEL_NONE or
 * an event that a move cannot have (died, acquired, unknown) is an error.
 */
EXO_API exo_code exo_import_moves(exo_store *store, const exo_move *moves,
                                  size_t n, const exo_import_opts *opts,
                                  exo_import_result *result /* OUT */,
                                  exo_errlist *errors /* OUT */, exo_err *err);

/* ==== Extraction of moves from news text (src/ingest/extract.c) ==== */

typedef enum exo_text_kind {
    EXO_TEXT_AUTO = 0, /* HTML when the text starts with a tag like <p> */
    EXO_TEXT_PLAIN,
    EXO_TEXT_HTML
} exo_text_kind;

typedef struct exo_extract_opts {
    /*
     * The organisation the text is about: it fills a missing from_org of
     * a departure. NULL: the organisation the text mentions most.
     */
    const char *org_context;
    /* More organisation names to recognise (e.g. exo_org_list_load's), besides
     * the built-in list of about 200 companies; may be NULL. */
    const char *const *orgs;
    size_t n_orgs;
    /* The publication date. When absent, the latest date the text gives
     * stands in for it. Candidates without a date of their own get it. */
    bool has_date;
    exo_date date;
    double min_confidence; /* candidates below are dropped; 0 keeps all */
    exo_text_kind kind;
} exo_extract_opts;

/* One proposed move, with the sentence that supports it. */
typedef struct exo_candidate {
    char *person;
    char *from_org;  /* NULL when unknown */
    char *to_org;    /* NULL when unknown */
    char *role;      /* as written ("product leader"); NULL when none */
    exo_level level; /* from the role; EXO_LEVEL_NONE when none */
    exo_event event; /* left, joined, sabbatical, returned, fired, founded */
    bool has_date;
    exo_date date;
    bool date_in_text; /* the date is the sentence's own, not the text's */
    bool from_context; /* from_org is the context organisation */
    bool background;   /* a dated event in the distant past, told as history */
    double confidence; /* in [0,1]; src/ingest/extract.c scores it */
    char *evidence;    /* the sentence, as text (HTML stripped) */
    size_t start, end; /* the sentence's bytes [start,end) in the input */
} exo_candidate;

typedef struct exo_candidate_list {
    size_t n;
    exo_candidate *rows; /* in text order */
    char *context_org;   /* the organisation used as context, or NULL */
} exo_candidate_list;

/* Zeroes 'opts': automatic text kind, context and date, no threshold. */
EXO_API void exo_extract_opts_init(exo_extract_opts *opts);

/*
 * Finds candidate moves in 'len' bytes of news text (UTF-8; HTML is
 * stripped first). Invalid UTF-8 is tolerated. Fails only on EXO_ENOMEM
 * or EXO_EINVAL (bad options); then 'out' is left zeroed.
 */
EXO_API exo_code exo_extract_text(const char *text, size_t len,
                                  const exo_extract_opts *opts,
                                  exo_candidate_list *out /* OUT */,
                                  exo_err *err);
/* The same for the file 'path' ("-" for standard input); HTML is also
 * recognised by a .htm or .html extension. */
EXO_API exo_code exo_extract_file(const char *path,
                                  const exo_extract_opts *opts,
                                  exo_candidate_list *out /* OUT */,
                                  exo_err *err);
EXO_API void exo_candidate_list_release(exo_candidate_list *list);

typedef struct exo_person_row {
    char *name;
    char *orgs; /* comma-separated organisations, in first-seen order */
    size_t n_records;
} exo_person_row;

typedef struct exo_person_list {
    size_t n;
    exo_person_row *rows;
} exo_person_list;

EXO_API exo_code exo_person_list_load(exo_store *store, const char *org,
                                      exo_person_list *out /* OUT */,
                                      exo_err *err);
EXO_API void exo_person_list_release(exo_person_list *list);

/*
 * Employment spells at 'org' as plain arrays, for headcount and survival.
 * end is NaN while the spell is open; 'event' is true when the spell ended
 * in a departure (left, fired), false when it is censored or ended for
 * another reason. Strings are owned by the struct.
 */
typedef struct exo_spells {
    size_t n;
    double *start; /* days since 1970-01-01 */
    double *end;   /* days, or NaN when open */
    exo_event *end_reason;
    exo_level *level;
    char **person;
    char **team;        /* entries may be NULL */
    exo_reason *reason; /* why each ended, in detail; EXO_REASON_NONE */
    /* The date the organisation's latest export was taken (import
     * --as-of): open spells are censored there. */
    bool has_as_of;
    double as_of; /* days */
    char **role;  /* the job title; entries may be NULL */
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
    double headcount_avg;    /* time-average over the period */
    double attrition_annual; /* departures / avg headcount * periods per year */
    size_t by_level[EXO_N_LEVELS];   /* departures by level */
    size_t by_reason[EXO_N_REASONS]; /* departures by reason for leaving
                                        (EXO_REASON_NONE: not given) */
    double voluntary_annual;         /* voluntary departures / avg headcount *
                                        periods per year; NaN without headcount */
} exo_period_row;

typedef struct exo_stats {
    exo_period period;
    size_t n;
    exo_period_row *rows;
    size_t total_departures, total_arrivals;
} exo_stats;

/* The events and spells exo_stats_compute counts; zero is no events. */
typedef struct exo_stats_input {
    const double *departure_days;      /* n_departures, in any order */
    const exo_level *departure_levels; /* n_departures, or NULL */
    size_t n_departures;
    const double *arrival_days; /* n_arrivals, in any order */
    size_t n_arrivals;
    const exo_spells *spells; /* for headcount; NULL or empty: none */
    const exo_reason *departure_reasons; /* n_departures, or NULL */
} exo_stats_input;

/*
 * Per-period departures and arrivals over [first, last] event, and where
 * in->spells has rows, headcount and annualised attrition. Times are days.
 */
EXO_API exo_code exo_stats_compute(exo_period period, const exo_stats_input *in,
                                   const exo_filter *filter,
                                   exo_stats *out /* OUT */, exo_err *err);
EXO_API void exo_stats_release(exo_stats *stats);

/* One member of the core team (founders, or execs) and whether they left. */
typedef struct exo_core_member {
    char *person;
    char *role;
    exo_level level;
    bool has_joined; /* false when only a departure is recorded */
    exo_date joined;
    bool joined_founding; /* the arrival was the founding itself */
    bool has_left;
    exo_date left;
    exo_event left_event; /* left, fired, sabbatical or founded (elsewhere) */
    char *went_to;        /* NULL when unknown or still there */
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
                                    exo_core_team *out /* OUT */, exo_err *err);
EXO_API void exo_core_team_release(exo_core_team *team);

/* Founders and executives present at the end of each period. */
typedef struct exo_erosion_row {
    int32_t start, end; /* [start, end) in days */
    size_t founders, execs;
} exo_erosion_row;

typedef struct exo_erosion {
    size_t n;
    exo_erosion_row *rows;
    size_t n_unknown_start; /* members with no recorded arrival, counted
                               present from the start */
} exo_erosion;

/*
 * Core-team erosion: for each period from the one containing 'from' to the
 * one containing 'to', the members of 'team' present on the period's last
 * day (arrived on or before it, not departed by then). A member with no
 * recorded arrival counts as present from the start (n_unknown_start says
 * how many): leaving them out would have the team grow as they leave.
 * Caller releases 'out'.
 */
EXO_API exo_code exo_erosion_compute(const exo_core_team *team,
                                     exo_period period, int32_t from,
                                     int32_t to, exo_erosion *out /* OUT */,
                                     exo_err *err);
EXO_API void exo_erosion_release(exo_erosion *erosion);

/* ==== Models: Hawkes (src/model/hawkes*.c) ==== */

/*
 * Exponential-kernel Hawkes process on a window [t_start, t_end]:
 *   lambda(t) = mu_k(t) + sum_{t_i < t} alpha exp(-beta (t - t_i))
 * with a baseline mu_k constant on each regime between breakpoints, jump
 * alpha and decay beta, both per the times' unit (days in the CLI). The
 * branching ratio n = alpha / beta is the expected number of further
 * events one event triggers. (tick writes the kernel alpha*beta*exp(..):
 * its alpha is our n.) Times are sorted ascending; see docs/math/hawkes.md.
 *
 * An optional baseline weight w(t), piecewise constant (a headcount),
 * makes the baseline proportional to it: mu_k(t) w(t), so mu_k is a rate
 * per unit of weight (per head). It combines with the regimes. A growing
 * organisation then raises the baseline, not the excitation.
 */
#define EXO_HAWKES_MAX_REGIMES 16

typedef struct exo_hawkes_opts {
    bool has_window;       /* false: the window is [first, last] event */
    double t_start, t_end; /* the observation window when has_window */
    const double *breaks;  /* regime breakpoints, ascending, inside the */
    size_t n_breaks;       /* window; at most EXO_HAWKES_MAX_REGIMES - 1 */
    double fixed_beta;     /* > 0: fit mu and alpha only, at this decay */
    /* > 0: the least decay searched, a memory no longer than ln 2 /
     * min_beta; a fit that ends on it sets decay_at_limit. 0: only the
     * search's own bound, beta T >= 0.01. */
    double min_beta;
    double level;    /* of the intervals; 0 means 0.95 */
    bool no_profile; /* skip the profile-likelihood interval for n */
    bool no_gof;     /* skip the time-rescaling KS tests */
    exo_hooks hooks; /* progress of exo_hawkes_bootstrap; the fits take
                        none (their doubts are flags: converged, ...) */
    /*
     * Baseline weight (n_weights 0: none, w = 1): w(t) = weights[j] from
     * weight_times[j] (absolute, strictly ascending) until the next; the
     * first weight also holds before weight_times[0], the last after the
     * last time (and over a forecast horizon). Weights are >= 0 and must
     * be > 0 at every event. Univariate fits only.
     */
    const double *weight_times;
    const double *weights;
    size_t n_weights;
    /*
     * Multivariate fits only: one decay beta_ij per pair (D * D decays)
     * instead of one shared by all pairs (false, the default). Not with
     * fixed_beta (EXO_EINVAL).
     */
    bool pair_decay;
    /* NULL, or theta = (mu_0 .. mu_{K-1}, alpha, beta) with alpha, beta >
     * 0 to start from instead of searching over decays: a fit of the same
     * data and options without the profile interval, say, completed
     * without fitting again. Free decay only. */
    const double *start;
} exo_hawkes_opts;

/* A fitted model. Plain struct: nothing to release. */
typedef struct exo_hawkes {
    size_t n_events;
    double t_start, t_end;                       /* the window used */
    size_t n_regimes;                            /* 1 + number of breakpoints */
    double regime_start[EXO_HAWKES_MAX_REGIMES]; /* absolute times */
    size_t regime_events[EXO_HAWKES_MAX_REGIMES];
    double mu[EXO_HAWKES_MAX_REGIMES]; /* baseline rate per regime */
    double mu_se[EXO_HAWKES_MAX_REGIMES];
    double alpha, alpha_se;
    double beta, beta_se;        /* NaN when at_boundary: not identified */
    double n, n_se;              /* branching ratio alpha / beta */
    double level;                /* of the intervals below */
    double n_wald_lo, n_wald_hi; /* delta method; lower end cut at 0 */
    bool has_profile;
    double n_prof_lo, n_prof_hi; /* profile likelihood; hi may be INFINITY */
    double loglik;               /* at the estimate */
    double loglik_poisson;       /* homogeneous (per regime) Poisson fit */
    double lr;                   /* 2 (loglik - loglik_poisson), >= 0 */
    double lr_p;                 /* 50:50 chi2(0)/chi2(1) mixture (1 at LR 0) */
    bool has_gof;
    double ks_d, ks_p;                 /* time-rescaling KS, Hawkes fit */
    double ks_d_poisson, ks_p_poisson; /* the same for the Poisson fit */
    /* Intensity above baseline just after t_end: alpha sum exp(-beta(T-t_i)).
     */
    double excitation_end;
    /* Covariance of (mu_0..mu_{K-1}, alpha, beta), P = K + 2, row major,
     * from the observed information; zero where a parameter was fixed. */
    double cov[(EXO_HAWKES_MAX_REGIMES + 2) * (EXO_HAWKES_MAX_REGIMES + 2)];
    bool fixed_decay; /* beta was given, not estimated */
    bool at_boundary; /* the maximum is alpha = 0: the Poisson fit */
    /* beta ran to the lower end of the search (beta T = 0.01, or
     * min_beta): a memory as long as the window, or as the slowest change
     * allowed, which a trend or a change of regime also produces; n is
     * then not identified and 'converged' is false. The estimate is the
     * best within the bound and the profile interval is the one within
     * it. */
    bool decay_at_limit;
    bool converged;   /* the optimiser met its gradient test */
    int iterations;   /* quasi-Newton plus Newton steps of the winner */
    double grad_norm; /* max |d log L / d log(param)| at the estimate */
    int n_starts;     /* starting points tried */
    bool weighted;    /* the baseline was mu_k w(t) */
    /* Integral of w over each regime (its length when not weighted): the
     * Poisson fit is mu_k = regime_events[k] / exposure[k]. */
    double exposure[EXO_HAWKES_MAX_REGIMES];
    double weight_end; /* w at t_end, held in forecasts (1: none) */
} exo_hawkes;

/* Defaults: whole-data window, one regime, 0.95 level. */
EXO_API void exo_hawkes_opts_init(exo_hawkes_opts *opts);

/*
 * log L of 'n' sorted 'times' in [0, t_end] at (mu, alpha, beta) and, when
 * 'grad' is not NULL, its gradient in that order. EXO_EINVAL for unsorted
 * or out-of-window times or non-positive parameters; EXO_ENUMERIC when an
 * intensity is not positive.
 */
EXO_API exo_code exo_hawkes_loglik(const double *times, size_t n, double t_end,
                                   double mu, double alpha, double beta,
                                   double *loglik /* OUT */,
                                   double grad[3] /* OUT, may be NULL */,
                                   exo_err *err);

/*
 * log L of 'n' sorted 'times' under 'opts' (window, regimes and baseline
 * weight as exo_hawkes_fit takes them; the decay is never held here) at
 * theta = (mu_0 .. mu_{K-1}, alpha, beta), K = opts->n_breaks + 1, with
 * its gradient ('grad', K + 2 entries) and observed Hessian ('hess',
 * (K + 2)^2, row major); either may be NULL. EXO_EINVAL for bad input as
 * exo_hawkes_fit says; EXO_ENUMERIC when log L is not finite there.
 */
EXO_API exo_code exo_hawkes_loglik_at(const double *times, size_t n,
                                      const exo_hawkes_opts *opts,
                                      const double *theta,
                                      double *loglik /* OUT */,
                                      double *grad /* OUT, may be NULL */,
                                      double *hess /* OUT, may be NULL */,
                                      exo_err *err);

/*
 * Maximum-likelihood fit of 'n' sorted 'times' (at least 3, at two or more
 * distinct times). The decay is found by a grid over beta, quasi-Newton
 * (GSL BFGS) from the best grid points on log parameters, and a Newton
 * polish; standard errors come from the analytic observed information.
 * Exact ties with a free decay make the likelihood unbounded: EXO_ENUMERIC
 * says so (spread them, or fix the decay). EXO_EINVAL names a bad input
 * index. An unconverged fit returns EXO_OK with 'converged' false.
 */
EXO_API exo_code exo_hawkes_fit(const double *times, size_t n,
                                const exo_hawkes_opts *opts,
                                exo_hawkes *out /* OUT */, exo_err *err);

/*
 * Spreads each of 'n' times uniformly over [times[i], times[i] + width[i])
 * (its date's precision window: 1 day, the month, the year) with a
 * gsl_rng seeded by 'seed', then sorts them. Widths of 0 keep the time.
 */
EXO_API exo_code exo_hawkes_spread_ties(double *times /* IN/OUT */,
                                        const double *width, size_t n,
                                        uint64_t seed, exo_err *err);

/*
 * The same spreading, also reporting where each event went: 'order[k]' is
 * the input index of the k-th output time ('order' has n entries; NULL
 * behaves as exo_hawkes_spread_ties). The times are identical to those of
 * exo_hawkes_spread_ties with the same seed.
 */
EXO_API exo_code exo_hawkes_spread_ties_order(double *times /* IN/OUT */,
                                              const double *width, size_t n,
                                              uint64_t seed,
                                              size_t *order /* OUT */,
                                              exo_err *err);

/*
 * The conditional intensity of 'fit' at each of the 'n_grid' ascending
 * times 'grid' (absolute, the unit of the fit):
 *   lambda(t) = mu_k(t) + alpha sum_{t_i < t} exp(-beta (t - t_i))
 * given the 'n' sorted event 'times' the model was fitted to (after any
 * tie spreading), into 'lambda'; the baseline mu_k(t) into 'baseline'
 * (may be NULL). An event at exactly a grid time is not yet counted there
 * (lambda is left-continuous); ask at t + a small step for the value just
 * after it. A fit at the Poisson boundary gives lambda = mu. O(n + n_grid).
 */
EXO_API exo_code exo_hawkes_intensity(const exo_hawkes *fit,
                                      const double *times, size_t n,
                                      const double *grid, size_t n_grid,
                                      double *lambda /* OUT */,
                                      double *baseline /* OUT, may be NULL */,
                                      exo_err *err);

/*
 * Time rescaling (goodness of fit): tau_i = Lambda(t_{i-1}, t_i], the
 * compensator of 'fit' between consecutive 'times' (tau_1 from the window
 * start), into 'tau' (n entries). Under the fitted model they are i.i.d.
 * Exp(1); exo_hawkes's ks_p tests exactly these. With 'poisson' true the
 * per-regime Poisson fit (mu_k = events / length of regime k) is used
 * instead, the reference model of ks_p_poisson. 'times' must lie in the
 * fitted window. EXO_ENOMEM for the scratch copy.
 */
EXO_API exo_code exo_hawkes_rescaled(const exo_hawkes *fit, const double *times,
                                     size_t n, bool poisson,
                                     double *tau /* OUT */, exo_err *err);

/*
 * exo_hawkes_intensity and exo_hawkes_rescaled for a fit with a baseline
 * weight (fit->weighted): the weight function it was fitted with, as
 * exo_hawkes_opts takes it (n_weights 0: none, the plain functions).
 */
EXO_API exo_code exo_hawkes_intensity_weighted(
    const exo_hawkes *fit, const double *times, size_t n,
    const double *weight_times, const double *weights, size_t n_weights,
    const double *grid, size_t n_grid, double *lambda /* OUT */,
    double *baseline /* OUT, may be NULL */, exo_err *err);
EXO_API exo_code exo_hawkes_rescaled_weighted(
    const exo_hawkes *fit, const double *times, size_t n, bool poisson,
    const double *weight_times, const double *weights, size_t n_weights,
    double *tau /* OUT */, exo_err *err);

/*
 * Simulates by Ogata thinning on (t_start, t_end] with a constant
 * baseline, conditional on 'history' (n_history sorted times <= t_start;
 * may be NULL). '*times' is the caller's, freed with exo_free; at most
 * 'max_events' are made (EXO_ENUMERIC past it: explosive).
 */
EXO_API exo_code exo_hawkes_simulate(double mu, double alpha, double beta,
                                     double t_start, double t_end,
                                     const double *history, size_t n_history,
                                     uint64_t seed, size_t max_events,
                                     double **times /* OUT */,
                                     size_t *n /* OUT */, exo_err *err);

/*
 * The same with the baseline mu w(t): 'weight_times' and 'weights'
 * (n_weights; 0 is exo_hawkes_simulate, with the same draws) define w as
 * in exo_hawkes_opts. Thinning restarts at each change of w, which is
 * exact because the gaps are memoryless.
 */
EXO_API exo_code exo_hawkes_simulate_weighted(
    double mu, double alpha, double beta, double t_start, double t_end,
    const double *weight_times, const double *weights, size_t n_weights,
    const double *history, size_t n_history, uint64_t seed, size_t max_events,
    double **times /* OUT */, size_t *n /* OUT */, exo_err *err);

typedef struct exo_forecast {
    double horizon; /* H: the count is over (t_end, t_end + H] */
    size_t n_paths;
    uint64_t seed;
    double mean;
    double median;
    double lo80, hi80; /* 10% and 90% quantiles */
    double lo95, hi95; /* 2.5% and 97.5% quantiles */
    size_t n_capped;   /* paths stopped at the event cap (explosive) */
} exo_forecast;

/*
 * Forecasts the number of events in (t_end, t_end + horizon] given the
 * fitted model and its history (through fit->excitation_end), with the
 * last regime's baseline (times fit->weight_end when weighted), from
 * 'n_paths' (0: 10000) Ogata paths on all cores. Path p uses a seed derived
 * from ('seed', p), so the result does not depend on the thread count.
 */
EXO_API exo_code exo_hawkes_forecast(const exo_hawkes *fit, double horizon,
                                     size_t n_paths, uint64_t seed,
                                     exo_forecast *out /* OUT */, exo_err *err);

/* One set of parameters for exo_hawkes_forecast_draws: the baseline
 * beyond the data, the jump and decay, and the excitation at the start. */
typedef struct exo_forecast_draw {
    double mu, alpha, beta, excitation;
} exo_forecast_draw;

/*
 * The same forecast when the parameters are uncertain: path p uses
 * draws[p % n_draws] (draws of the parameters, and of the imputed history
 * behind 'excitation'), so the intervals hold both kinds of uncertainty.
 */
EXO_API exo_code exo_hawkes_forecast_draws(const exo_forecast_draw *draws,
                                           size_t n_draws, double horizon,
                                           size_t n_paths, uint64_t seed,
                                           exo_forecast *out /* OUT */,
                                           exo_err *err);

typedef struct exo_lr_boot {
    size_t n_boot; /* replicates asked for */
    size_t n_used; /* replicates whose fit succeeded */
    uint64_t seed;
    double p; /* (1 + #{LR_b >= LR}) / (1 + n_used) */
} exo_lr_boot;

/*
 * Parametric bootstrap of the LR test against Poisson: 'n_boot' streams
 * from the fitted (per-regime) Poisson null on the window of 'fit', each
 * fitted as 'opts' says, on all cores with per-replicate seeds.
 * opts->hooks.progress is asked every 16 replicates; nonzero stops the
 * replicates not begun and the call fails with EXO_ECANCELED.
 */
EXO_API exo_code exo_hawkes_bootstrap(const exo_hawkes *fit,
                                      const exo_hawkes_opts *opts,
                                      size_t n_boot, uint64_t seed,
                                      exo_lr_boot *out /* OUT */, exo_err *err);

/*
 * P(D_n >= d) for the one-sample two-sided Kolmogorov-Smirnov statistic:
 * exact (Marsaglia, Tsang & Wang 2003) while n * d is small, otherwise
 * the Kolmogorov limit with Stephens' correction (absolute error below
 * 0.002 for n >= 30).
 */
EXO_API double exo_ks_pvalue(size_t n, double d);

/*
 * D-dimensional exponential Hawkes with one shared decay:
 *   lambda_i(t) = mu_i + sum_j alpha[i][j] sum_{t^j_k < t} exp(-beta (t -
 * t^j_k)) alpha[i][j] is the jump in stream i caused by an event in stream j.
 * Only strictly earlier events excite: simultaneous events do not excite
 * each other. With opts->pair_decay each pair has its own decay,
 * beta[i][j] in place of beta (the shared model is nested in it).
 *
 * The parameter vector theta of exo_mhawkes_loglik and of 'cov' is
 * (mu_0 .. mu_{D-1}, alpha row major, beta): P = D + D^2 + 1 entries, or
 * with pair_decay (mu, alpha row major, beta_ij row major): P = D + 2 D^2.
 */
typedef struct exo_mhawkes {
    size_t dim;
    size_t n_events;
    double t_start, t_end;
    size_t *n_per_dim;        /* dim */
    double *mu, *mu_se;       /* dim */
    double *alpha, *alpha_se; /* dim x dim, row major: alpha[i * dim + j] */
    double beta, beta_se;
    double *branching;         /* alpha / beta, dim x dim */
    double spectral_radius;    /* of 'branching': >= 1 is supercritical */
    double spectral_radius_se; /* delta method */
    double loglik, loglik_poisson, lr;
    bool converged;
    int iterations;
    double grad_norm; /* max |d log L / d log(param)| (alpha > 0) */
    /* Appended fields (existing users keep their offsets). */
    bool pair_decay; /* one decay per pair: see beta_pair */
    /* dim x dim: the decay of each pair and its SE (shared decay: every
     * entry is beta and beta_se). With pair_decay beta and beta_se are NaN,
     * a pair with alpha = 0 has decay NaN (not identified), and a decay at
     * an end of its range [min(beta, 1/T), max(beta, 1000 n/T)] is held
     * there (SE NaN). */
    double *beta_pair, *beta_pair_se;
    /* dim x dim: SE of branching[i * dim + j] by the delta method from
     * the covariance of (alpha_ij, beta); NaN where alpha_ij = 0 (on the
     * boundary); a held decay counts as known. */
    double *branching_se;
    double level; /* of the intervals below (opts->level) */
    double *branching_lo, *branching_hi; /* Wald; lower end cut at 0 */
    double spectral_radius_lo, spectral_radius_hi; /* Wald; lo cut at 0 */
    size_t n_params;                               /* P, the length of theta */
    /* P x P covariance of theta from the observed information (row
     * major); NaN in the rows and columns of parameters on the boundary
     * (alpha = 0, and its decay with pair_decay) or held. */
    double *cov;
    /* The shared-decay fit's log L: equal to loglik without pair_decay;
     * with it, 2 (loglik - loglik_shared) >= 0 compares the nested models. */
    double loglik_shared;
} exo_mhawkes;

/*
 * Fits 'n' sorted 'times' with stream labels 'dims' (0 .. dim-1). Uses
 * opts->has_window / t_start / t_end and opts->fixed_beta; regimes and
 * baseline weights are refused (EXO_EINVAL). Arrays in
 * 'out' are the caller's, freed with exo_mhawkes_release.
 */
EXO_API exo_code exo_mhawkes_fit(const double *times, const int *dims, size_t n,
                                 size_t dim, const exo_hawkes_opts *opts,
                                 exo_mhawkes *out /* OUT */, exo_err *err);
EXO_API void exo_mhawkes_release(exo_mhawkes *fit);

/*
 * log L of the multivariate model at 'theta' (layout above, by
 * opts->pair_decay) for 'n' sorted 'times' with stream labels 'dims', on
 * the window of 'opts' (NULL: [first, last] event), and its gradient
 * ('grad', P entries; may be NULL). EXO_EINVAL for bad input as
 * exo_mhawkes_fit says or non-positive mu or decays; EXO_ENUMERIC when an
 * intensity is not positive.
 */
EXO_API exo_code exo_mhawkes_loglik(
    const double *times, const int *dims, size_t n, size_t dim,
    const exo_hawkes_opts *opts, const double *theta, double *loglik /* OUT */,
    double *grad /* OUT, may be NULL */, exo_err *err);

/*
 * Simulates the multivariate model with one decay per pair on [0, t_end]
 * by Ogata thinning: 'mu' (dim), 'alpha' and 'beta' (dim x dim, row
 * major; a shared decay is every entry equal). '*times' and '*dims' are
 * the caller's, freed with exo_free; at most 'max_events' are made
 * (EXO_ENUMERIC past it: explosive). The draws depend on 'seed' only.
 */
EXO_API exo_code exo_mhawkes_simulate(
    size_t dim, const double *mu, const double *alpha, const double *beta,
    double t_end, uint64_t seed, size_t max_events, double **times /* OUT */,
    int **dims /* OUT */, size_t *n /* OUT */, exo_err *err);

/* ==== Flows (src/store/query.c, src/model/flows.c) ==== */

/*
 * Moves between organisations as plain arrays for the flows model. A move
 * is a person's departure from one organisation whose destination is
 * known: explicitly (a reported move naming both organisations, whatever
 * its event; a spell ended with a destination) or inferred (the same
 * person's spell at another organisation starting 0 to 'gap' days after a
 * spell without a destination ends, unless it ended by death or
 * acquisition). One move reported twice (the same person, the same two
 * organisations, the later report at most 365 days after the earlier
 * date's precision window closes) is counted once, at the earlier date;
 * it is inferred only when every report of it is.
 */
typedef struct exo_flow_data {
    size_t n_orgs;
    char **orgs;      /* names of the organisations the moves touch */
    size_t n;         /* moves, in date order */
    int *from, *to;   /* indices into 'orgs' */
    double *day;      /* days since 1970-01-01 */
    exo_date *date;   /* the date as reported, with its precision */
    exo_level *level; /* the role left behind */
    bool *inferred;   /* from spells across the gap, not stated */
    char **person;
    /* Spells at those organisations, for headcounts. */
    size_t n_spells;
    int *spell_org;
    double *spell_start, *spell_end; /* days; end NaN while open */
} exo_flow_data;

/*
 * Loads the moves passing 'filter' (their date and level: the level of
 * the role left) with inferred moves across at most 'gap_days' (0: 365).
 * Release with exo_flow_data_release.
 */
EXO_API exo_code exo_flow_data_load(exo_store *store, const exo_filter *filter,
                                    double gap_days,
                                    exo_flow_data *out /* OUT */, exo_err *err);
EXO_API void exo_flow_data_release(exo_flow_data *data);

/*
 * The exact conditional-binomial interval for the ratio of two Poisson
 * rates from counts 'k' (A->B) and 'm' (B->A): given n = k + m, k is
 * Binomial(n, p) with p = r / (1 + r), so the Clopper-Pearson interval
 * for p maps to one for r = p / (1 - p). The interval is two-sided
 * (half of 1 - level in each tail) whatever the counts: with m = 0 (r
 * infinite) its upper end is INFINITY, with k = 0 its lower end is 0; with
 * n = 0 both are NaN. 'level' 0 means 0.95. Returns true when an end is
 * unbounded (0 or INFINITY).
 */
EXO_API bool exo_rate_ratio_ci(size_t k, size_t m, double level,
                               double *lo /* OUT */, double *hi /* OUT */);

/*
 * SpringRank (De Bacco, Larremore & Moore, Sci. Adv. 2018): ranks s that
 * minimise 1/2 sum_ij A_ij (s_i - s_j - 1)^2 + alpha/2 sum_i s_i^2, that
 * is the solution of
 *   (D_out + D_in - A - A^T + alpha I) s = (D_out - D_in) 1,
 * where A (n x n, row major) has A[i*n+j] = times i ranked above j, and
 * D_out, D_in hold its row and column sums. With alpha = 0 the system is
 * singular along each connected component; s is then centred to mean 0
 * on each one. 's' holds n values.
 */
EXO_API exo_code exo_springrank(size_t n, const double *A, double alpha,
                                double *s /* OUT */, exo_err *err);

typedef struct exo_flow_opts {
    /* Weight of a move by the level left; all zero: founder 5, exec 3,
     * lead 2, ic 1, board 1, no level 1. */
    double weights[EXO_N_LEVELS];
    double level;          /* of the intervals; 0 means 0.95 */
    bool has_window;       /* headcounts averaged over [t_start, t_end] */
    double t_start, t_end; /* else over the span of the moves */
    double rank_alpha;     /* SpringRank regularisation; 0: none */
} exo_flow_opts;

/* Sets the default weights and level. */
EXO_API void exo_flow_opts_init(exo_flow_opts *opts);

/* Each organisation's balance. */
typedef struct exo_flow_org {
    size_t in, out;            /* moves in and out */
    long net;                  /* in - out */
    double w_in, w_out, w_net; /* level-weighted */
    double headcount;          /* average over the window; NaN: no spells */
    double rank;               /* SpringRank score: higher attracts more */
    size_t rank_pos;           /* 1 = the strongest attractor */
} exo_flow_org;

/*
 * One pair of organisations, oriented so that a->b carries at least as
 * many moves as b->a (a < b on a tie).
 */
typedef struct exo_flow_pair {
    size_t a, b;   /* organisation indices */
    size_t ab, ba; /* moves a->b and b->a */
    size_t ab_inferred, ba_inferred;
    double w_ab, w_ba;         /* level-weighted */
    double ratio;              /* ab / ba; INFINITY when ba = 0 */
    double ratio_lo, ratio_hi; /* two-sided exact interval
                                  (exo_rate_ratio_ci) */
    bool unbounded;            /* an end is 0 or INFINITY */
    /* Per head: (ab / headcount a) / (ba / headcount b), when both
     * headcounts are known; the interval scales with it. */
    bool has_per_head;
    double per_head, per_head_lo, per_head_hi;
} exo_flow_pair;

typedef struct exo_flows {
    size_t n_orgs;
    size_t n_moves, n_inferred;
    double t_start, t_end; /* window of the headcounts */
    double level;
    double weights[EXO_N_LEVELS];
    size_t *count;      /* n_orgs x n_orgs: count[a*n_orgs+b] a->b */
    double *weighted;   /* the same, level-weighted */
    exo_flow_org *orgs; /* n_orgs */
    size_t *by_rank;    /* organisation indices, strongest first */
    size_t n_pairs;
    exo_flow_pair *pairs; /* by net moves (ab - ba), then weighted net,
                           * then total, descending */
} exo_flows;

/*
 * Computes the flows of the moves in 'data', as exo_flow_data_load fills
 * it or as a caller builds it: n_orgs, n, from and to are read; level,
 * inferred, day and the spell arrays may be NULL (spell_org, spell_start
 * and spell_end are used only when all three are given); orgs, date and
 * person are not read. The SpringRank input is the count matrix, each
 * move a vote for its destination over its origin. Release with
 * exo_flows_release.
 */
EXO_API exo_code exo_flows_compute(const exo_flow_data *data,
                                   const exo_flow_opts *opts,
                                   exo_flows *out /* OUT */, exo_err *err);
EXO_API void exo_flows_release(exo_flows *flows);

/* ==== Event files (src/ingest/events.c) ==== */

typedef struct exo_event_file_opts {
    /* The column of the times: a 1-based number, or a name (the first
     * record is then a header). NULL: the first column, or with a stream
     * column given by number, the other of the first two. */
    const char *time_column;
    const char *stream_column; /* the same for stream labels; NULL: none */
    bool ties_exact;           /* numbers: keep shared times exact */
} exo_event_file_opts;

/* Events read from a file; freed with exo_event_file_release. */
typedef struct exo_event_file {
    size_t n;
    double *times;   /* ascending (file order among equal times) */
    double *widths;  /* the span each time is known within: a date's day,
                        month or year; for numbers the file's step where two
                        share a time (unless ties_exact), else 0; streams: 0 */
    int *streams;    /* each event's stream (into labels), or NULL */
    char *labels[8]; /* n_streams labels, numbers in numeric order */
    size_t n_streams;
    bool dates;    /* the times are dates (days since 1970-01-01) */
    double step;   /* numbers: the finest step the file writes */
    size_t n_tied; /* numbers sharing a time, to spread within 'step' */
} exo_event_file;

/*
 * Reads 'path' ("-": standard input; gzip detected): one event a CSV
 * record, its time a number or an ISO date (YYYY-MM-DD, YYYY-MM, YYYY),
 * records starting with '#' are comments. EXO_EDATA names the file, line
 * and column of the first bad value; EXO_ENOENT when it cannot be opened.
 */
EXO_API exo_code exo_event_file_load(const char *path,
                                     const exo_event_file_opts *opts,
                                     exo_event_file *out /* OUT */,
                                     exo_err *err);
EXO_API void exo_event_file_release(exo_event_file *file);

/* ==== Analysis: the spiral question (src/analysis/spiral.c) ==== */

/*
 * "Is this organisation's attrition feeding on itself?" answered once, for
 * every view: the CLI, the report, the dashboard, runway --org and Python
 * call exo_spiral_analyze and print what it returns; none of them decides a
 * window, a baseline or a verdict of its own. docs/spiral.md explains the
 * method; bench/calibrate.c measures how often the verdict is right.
 *
 * The pipeline: departures (exo_move_list_load_departures: one per person and
 * departure, leaves of absence only when asked) -> the observation window ->
 * for each of M imputations of the imprecise dates: the trend-only model
 * (Poisson, piecewise-constant rate, change points by modified BIC) and the
 * Hawkes model with that same baseline -> the test of "no contagion" by
 * parametric bootstrap from the trend-only model (dates coarsened and re-spread
 * as the data's are) -> estimates combined over the imputations -> a forecast
 * that draws the parameters as well as the paths -> the verdict.
 */

typedef enum exo_baseline {
    EXO_BASELINE_TREND =
        0,                 /* piecewise-constant, change points chosen by
                              modified BIC on the trend-only model (the default) */
    EXO_BASELINE_CONSTANT, /* one rate over the whole window */
    EXO_BASELINE_REGIMES   /* piecewise at the dates given in 'breaks' */
} exo_baseline;
/* "trend", "constant", "regimes" (the --json 'baseline.kind'). */
EXO_API const char *exo_baseline_name(exo_baseline baseline);

/* What the spiral does with mass events (exo_spiral_opts.mass_events). */
typedef enum exo_mass_mode {
    EXO_MASS_KEEP = 0,
    EXO_MASS_COLLAPSE,
    EXO_MASS_EXCLUDE
} exo_mass_mode;
/* "keep", "collapse", "exclude"; the parser is false when unknown. */
EXO_API const char *exo_mass_mode_name(exo_mass_mode mode);
EXO_API bool exo_mass_mode_parse(const char *name, exo_mass_mode *out);
#define EXO_MAX_MASS_DAYS 8
/* The fewest departures a mass event has, whatever the daily rate: a
 * convention (docs/hr.md), not a fit. */
#define EXO_MASS_MIN_DEPARTURES 10

typedef struct exo_spiral_opts {
    /* ORG only: window bounds, levels, and whether leaves count. */
    exo_filter filter;
    exo_baseline baseline;
    /* ORG only: the baseline is a rate per head of the ORG's headcount
     * from its spells (combined with the baseline above). */
    bool per_head;
    const double *breaks; /* EXO_BASELINE_REGIMES: ascending, inside the */
    size_t n_breaks;      /* window; at most EXO_HAWKES_MAX_REGIMES - 1 */
    double fixed_beta;    /* > 0: hold the decay at this rate */
    double horizon;       /* forecast span in the times' unit; 0: 180 days
                             for dates, no forecast for numbers */
    size_t paths;         /* forecast paths; 0: 10000 */
    size_t bootstrap;     /* replicates of the test; 0: 199 (99 above
                             2000 events) */
    size_t imputations;   /* of imprecise dates; 0: 20 (10 above 2000
                             events; 1 when all are exact) */
    size_t exact_limit;   /* above this many events the test is the
                             asymptotic mixture, M = 1 and n's interval
                             is Wald's; 0: 20000 */
    bool asymptotic;      /* the mixture test whatever the size */
    bool ties_exact;      /* keep each time at the start of its precision
                             window (no spreading, one imputation) */
    uint64_t seed;        /* of every random draw; 0: 1 */
    double level;         /* of the intervals; 0: 0.95 */
    size_t trend_bins;    /* candidate change points: the window cut in
                             this many equal bins (segments of a year at
                             least for dates); 0: calendar months for
                             dates, a segment a year at least, and 128
                             bins otherwise. With a trend, the decay's
                             half-life is at most a bin: slower effects
                             are the trend's */
    /*
     * ORG only: days on which far more people left than the window's
     * daily rate allows (a layoff, a year-end batch) are mass events,
     * flagged always; EXO_MASS_KEEP analyses them as they are, COLLAPSE
     * counts each as one departure (one shock, not contagion), EXCLUDE
     * leaves them out.
     */
    exo_mass_mode mass_events;
    /*
     * ORG only: departures counted, never per head. Without it (and without
     * per_head) an HR export's organisation, every departure of which comes
     * from its spells, is analysed per head of the headcount they give: a
     * growing workforce leaves more often in total without any departure
     * causing another, and a counted trend of year-long segments reads fast
     * growth as contagion (docs/spiral.md). Organisations known from moves
     * are counted.
     */
    bool counted;
} exo_spiral_opts;

/* Defaults, as the zero values above say. */
EXO_API void exo_spiral_opts_init(exo_spiral_opts *opts);

/* Event times to analyse when they do not come from a store. */
typedef struct exo_event_stream {
    const double *times;  /* n times, any order */
    const double *widths; /* NULL (exact), or the span each time is known
                             within: it lies in [times[i], times[i] + w) */
    size_t n;
    bool dates;      /* days since 1970-01-01: shown as dates */
    bool has_window; /* false: first event to end of the last one's span */
    double start, end;
} exo_event_stream;

typedef enum exo_spiral_kind {
    EXO_SPIRAL_INSUFFICIENT = 0, /* too few events or no usable fit */
    EXO_SPIRAL_INCONCLUSIVE,     /* the data cannot decide; 'decide' says
                                    what would */
    EXO_SPIRAL_NO_CONTAGION,     /* no excitation beyond the baseline, and
                                    the interval for n stays below 1 */
    EXO_SPIRAL_SUBCRITICAL,      /* self-exciting, n's interval below 1 */
    EXO_SPIRAL_NEAR_CRITICAL,    /* self-exciting, n's interval holds 1 */
    EXO_SPIRAL_SUPERCRITICAL     /* n's interval lies above 1 */
} exo_spiral_kind;
#define EXO_SPIRAL_N_KINDS 6

/* "near-critical", ...: static text. */
EXO_API const char *exo_spiral_kind_name(exo_spiral_kind kind);

typedef struct exo_verdict {
    exo_spiral_kind kind;
    const char *label; /* exo_spiral_kind_name(kind) */
    char text[768];    /* one sentence that states its evidence */
    char decide[256];  /* what would decide it ("" when decided) */
} exo_verdict;

/* A piecewise-constant rate: the trend-only model. */
typedef struct exo_trend {
    size_t n_segments;
    double start[EXO_HAWKES_MAX_REGIMES]; /* absolute; the first is the
                                             window's start */
    double rate[EXO_HAWKES_MAX_REGIMES];  /* per unit (per head and unit
                                             with a per-head baseline) */
    size_t events[EXO_HAWKES_MAX_REGIMES];
    double loglik;  /* of the trend-only (Poisson) model */
    double penalty; /* log L units charged per change point */
} exo_trend;

/* One imputation of the imprecise dates, as its own analysis saw it. */
typedef struct exo_spiral_imputation {
    bool has_fit;
    double n, lo, hi;  /* estimate and interval (hi may be INFINITY) */
    double p;          /* of "no contagion" */
    double ks_p;       /* goodness of fit of its Hawkes model */
    size_t n_segments; /* of its trend */
    exo_spiral_kind kind;
} exo_spiral_imputation;

/* The answer. Allocated by the analysis; free with exo_spiral_release. */
typedef struct exo_spiral {
    char *org;             /* NULL for an event stream */
    bool dates;            /* times are days since 1970-01-01 */
    exo_baseline baseline; /* as asked for */
    bool per_head;
    /* What was counted. */
    size_t n_events;
    size_t n_folded;  /* repeated reports of one departure, counted once */
    size_t n_leave;   /* leaves of absence left out (filter.with_leave) */
    size_t n_outside; /* events outside the window, left out */
    size_t n_exact, n_day, n_month, n_year; /* how precisely times are known */
    size_t n_step; /* numbers that share a time, spread within 'step' */
    double step;
    double start, end;     /* the window [start, end) */
    char window_rule[256]; /* why these bounds */
    /* Imputation 1's times (sorted) and, for ORG, the departure each came
     * from: departures.rows[order[k]] for times[k]. */
    double *times;
    size_t *order;
    exo_move_list departures;
    /* Per-head baseline: the headcount h(t) = hc[j] from hc_t[j] on. */
    double *hc_t, *hc;
    size_t n_hc, n_spells;
    /* The models of imputation 1. */
    exo_trend trend;        /* trend only: no contagion */
    exo_trend hawkes_trend; /* the baseline the Hawkes model chose */
    bool has_fit;           /* 'fit' holds a usable estimate */
    char no_fit[256];       /* why not */
    exo_hawkes fit;         /* Hawkes with the baseline it chose */
    /* That fit's baseline weight when fit.weighted (n_base 0: none), for
     * exo_hawkes_intensity_weighted and exo_hawkes_rescaled_weighted. */
    double *base_t, *base_w;
    size_t n_base;
    bool has_fit_constant;   /* the constant-baseline reading, when the */
    exo_hawkes fit_constant; /* trend has more than one segment */
    double loglik_constant;  /* constant-rate Poisson */
    /* Combined over the imputations. */
    size_t n_imputations, n_fitted;
    double level;
    double n, n_lo, n_hi; /* mean estimate; interval (hi may be INFINITY) */
    double n_min, n_max;  /* range of the imputations' estimates */
    double p;             /* of "no contagion" (median over imputations) */
    bool bootstrap;       /* p is a parametric bootstrap's (else the
                             asymptotic 50:50 chi-square mixture) */
    size_t n_boot, n_boot_used;
    double p_constant; /* the mixture p of the constant-baseline reading */
    double ks_p;       /* time-rescaling KS p of the Hawkes fit (median) */
    double ks_p_trend; /* the same for the trend-only model */
    size_t kind_count[EXO_SPIRAL_N_KINDS]; /* each imputation's verdict */
    exo_spiral_imputation *imputations;    /* n_imputations of them */
    bool has_forecast;
    exo_forecast forecast; /* draws parameters as well as paths */
    exo_verdict verdict;
    /*
     * Mass events (ORG only): days with at least 'mass_min' departures
     * dated to the day (EXO_MASS_MIN_DEPARTURES) that a Poisson count at
     * the daily rate of the quarter around the day (its other days)
     * reaches with probability below 0.05 / (days in the window).
     * The first EXO_MAX_MASS_DAYS are listed (day, departures).
     */
    exo_mass_mode mass_mode;
    size_t mass_min;
    size_t n_mass_days, n_mass_departures;
    double mass_day[EXO_MAX_MASS_DAYS];
    size_t mass_count[EXO_MAX_MASS_DAYS];
    /* Per head without being asked: the departures are an HR export's
     * (exo_spiral_opts.counted). */
    bool per_head_default;
} exo_spiral;

/*
 * The departures of 'org' (resolved through aliases) analysed as 'opts'
 * says (NULL: defaults). '*out' is the caller's, freed with
 * exo_spiral_release. EXO_ENOTFOUND for an unknown organisation; a
 * per-head baseline without spells is EXO_EDATA.
 */
EXO_API exo_code exo_spiral_analyze(exo_store *store, const char *org,
                                    const exo_spiral_opts *opts,
                                    exo_spiral **out /* OUT */, exo_err *err);
/* The same for event times that do not come from a store. */
EXO_API exo_code exo_spiral_analyze_stream(const exo_event_stream *events,
                                           const exo_spiral_opts *opts,
                                           exo_spiral **out /* OUT */,
                                           exo_err *err);
EXO_API void exo_spiral_release(exo_spiral *spiral);

/*
 * The answer as JSON text: every number at full precision in the times'
 * unit, the fields 'exodus spiral --json', the report and /api/spiral
 * share. The caller's, freed with exo_free; NULL when out of memory.
 */
EXO_API char *exo_spiral_json(const exo_spiral *spiral);

/* ==== Organisations side by side (src/analysis/compare.c) ==== */

/* What part of an organisation a role belongs to. */
typedef enum exo_function {
    EXO_FUNCTION_OTHER = 0,
    EXO_FUNCTION_RESEARCH,
    EXO_FUNCTION_SAFETY, /* safety, alignment, preparedness */
    EXO_FUNCTION_PRODUCT,
    EXO_FUNCTION_ENGINEERING,
    EXO_FUNCTION_POLICY, /* policy, legal, governance, communications */
    EXO_FUNCTION_GO_TO_MARKET,
    EXO_FUNCTION_OPERATIONS, /* people, finance, operations */
    EXO_FUNCTION_LEADERSHIP  /* a general executive role (CEO, president) */
} exo_function;
#define EXO_N_FUNCTIONS 9

/* "research", ...: static text. */
EXO_API const char *exo_function_name(exo_function function);
EXO_API bool exo_function_parse(const char *name, exo_function *out);
/*
 * The function a role's text names ("head of preparedness" -> safety,
 * "co-founder and chief scientist" -> research), by the first of an
 * ordered list of keywords that occurs in it (docs/compare.md); OTHER when
 * none does or 'role' is NULL. An inference, and shown as one.
 */
EXO_API exo_function exo_function_infer(const char *role);

typedef struct exo_comparison_opts {
    /* Only what is dated on or before 'as_of' counts, and every window ends
     * there: what an analyst could have known then (the store does not keep
     * when a record was reported, only the date it gives). */
    bool has_as_of;
    int32_t as_of;
    bool has_since; /* counts and flows from 'since' (the spiral's window */
    int32_t since;  /* keeps its own start) */
    bool no_spiral; /* skip the spiral analyses (the slow part) */
    uint64_t seed;  /* of the spiral's draws; 0: 1 */
} exo_comparison_opts;

/* One priced round: money raised at a post-money valuation on one date. */
typedef struct exo_round {
    exo_date date;
    double raised_usd;
    double post_money_usd; /* NaN when no valuation is recorded that day */
    double dilution;       /* raised / post-money: the new owners' share */
    char *source;
} exo_round;

/* The spiral's forecast made as of a date, beside what was recorded next. */
typedef struct exo_backtest {
    double horizon_days;
    exo_forecast forecast;
    size_t observed; /* departures recorded in (as_of, as_of + horizon] */
} exo_backtest;

typedef struct exo_comparison_org {
    char *org;
    /* Departures and arrivals per calendar year, first_year .. last_year. */
    int first_year;
    size_t n_years;
    size_t *departures, *arrivals;
    size_t total_departures, total_arrivals;
    size_t senior_departures;            /* founders and executives */
    size_t by_function[EXO_N_FUNCTIONS]; /* departures, inferred from roles */
    /* Per head, where employment spells give a headcount. */
    bool has_headcount;
    double headcount_avg;    /* over the counted years */
    double attrition_annual; /* departures / headcount / year */
    /* The core team on the as-of date; members with no recorded arrival
     * count from the start of the data (n_no_arrival of them). */
    size_t founders, founders_remaining, execs, execs_remaining;
    size_t n_no_arrival;
    exo_spiral *spiral; /* NULL with no_spiral or when it failed */
    char spiral_error[256];
    /* Finance on or before the as-of date. */
    size_t n_valuations;
    exo_date *valuation_dates;
    double *valuations;
    size_t n_rounds;
    exo_round *rounds;
    /* With an as-of date the data go beyond: 6 and 12 months on. */
    size_t n_backtests;
    exo_backtest backtests[2];
} exo_comparison_org;

typedef struct exo_comparison {
    bool has_as_of;
    int32_t as_of;
    int32_t data_end; /* the newest move in the store */
    size_t n;
    exo_comparison_org *orgs;
    /* flows[i * (n + 1) + j]: departures from orgs[i] to orgs[j]; column
     * n: to every other organisation named, or none. */
    size_t *flows;
} exo_comparison;

/*
 * 'orgs' (names or aliases) side by side, each through the same code as
 * its own command (departures, core team, spiral, finance). EXO_ENOTFOUND
 * names an organisation the store does not know.
 */
EXO_API exo_code exo_comparison_load(exo_store *store, const char *const *orgs,
                                     size_t n, const exo_comparison_opts *opts,
                                     exo_comparison **out /* OUT */,
                                     exo_err *err);
EXO_API void exo_comparison_release(exo_comparison *cmp);

/* ==== Analysis: the screener (src/analysis/scan.c) ==== */

/*
 * "Which organisations are in a spiral right now?": exo_spiral_analyze run
 * on every organisation of a store (or those named), one row each, ranked.
 * Organisation k's draws use the seed derived from (seed, its name), so a
 * row does not depend on which others are scanned, on the thread count or
 * on the number of MPI ranks. Work is split by size: largest first to the
 * least-loaded worker (sizes are heavy-tailed, so one giant organisation
 * sets the wall time). docs/scan.md.
 */
typedef struct exo_scan_opts {
    exo_spiral_opts spiral;  /* each organisation's analysis; its 'seed' is
                                the scan's, derived per organisation */
    const char *const *orgs; /* only these (names or aliases); NULL: all */
    size_t n_orgs;
    size_t min_departures; /* fewer: listed as too little data, not fitted */
    /* Threads on this machine; 0: all cores. Each opens its own read-only
     * handle on 'db_path' (a handle serves one thread at a time); with
     * db_path NULL the scan runs on the given handle in one thread. */
    size_t threads;
    const char *db_path;
    /* Of a distributed scan: this worker fits only the organisations the
     * plan gives 'rank' of 'n_ranks' (0: 1); exo_scan_merge joins them. */
    size_t rank, n_ranks;
} exo_scan_opts;

/* Defaults: min_departures 10, everything else as its zero says. */
EXO_API void exo_scan_opts_init(exo_scan_opts *opts);

typedef struct exo_scan_row {
    char *org;
    size_t departures; /* in the spiral's window */
    size_t rank;       /* the worker the plan gave it to */
    bool fitted;       /* false: too little data or no usable fit */
    char note[256];    /* why not fitted ("" when fitted) */
    bool has_rate;     /* spells give a headcount over the window */
    double rate;       /* departures per head per year */
    double headcount;  /* average over the window */
    exo_spiral_kind kind;
    const char *label;    /* exo_spiral_kind_name(kind) */
    double n, n_lo, n_hi; /* branching ratio and interval (hi may be inf) */
    double p;             /* of "no contagion" */
    size_t n_segments;    /* of the trend */
    double trend_change;  /* last segment's rate over the one before, - 1
                             (0 with one segment) */
    double start, end;    /* the window, days since 1970-01-01 */
    bool has_forecast;
    double horizon;                                 /* days */
    double forecast_mean, forecast_lo, forecast_hi; /* 80% interval */
    uint64_t seed; /* its own: 'exodus spiral ORG --seed S' repeats it */
} exo_scan_row;

typedef struct exo_scan {
    size_t n;
    exo_scan_row *rows; /* ranked: see exo_scan_sort */
    size_t n_fitted;
    /* The plan: how many organisations and how much work (departures + 1
     * each) every worker was given. */
    size_t n_ranks;
    size_t *rank_orgs;
    double *rank_load;
    uint64_t seed;
    double level;
    /* The analyses' baseline (the options' spiral.baseline, per_head and
     * counted). */
    exo_baseline baseline;
    bool per_head, counted;
    size_t min_departures; /* fewer: not fitted, too little data */
} exo_scan;

/*
 * Scans the store 'opts' says (NULL: defaults). '*out' is the caller's,
 * freed with exo_scan_release. EXO_ENOTFOUND names an organisation in
 * opts->orgs the store does not know. An organisation whose own analysis
 * fails on its data is a row with its reason in 'note', not a failure.
 */
EXO_API exo_code exo_scan_run(exo_store *store, const exo_scan_opts *opts,
                              exo_scan **out /* OUT */, exo_err *err);
/* Ranks the rows: the verdict (supercritical first, too little data
 * last), then n, then departures, then the name. exo_scan_run does it. */
EXO_API void exo_scan_sort(exo_scan *scan);
/* The rows as bytes for another process of the same build (MPI), and
 * back: exo_scan_merge appends them to 'scan' and ranks again, or, on
 * bytes it cannot read (EXO_EDATA), leaves 'scan' as it was. */
EXO_API void *exo_scan_pack(const exo_scan *scan, size_t *len /* OUT */);
EXO_API exo_code exo_scan_merge(exo_scan *scan, const void *data, size_t len,
                                exo_err *err);
/* The table as JSON text (exo_free); NULL when out of memory. */
EXO_API char *exo_scan_json(const exo_scan *scan);
EXO_API void exo_scan_release(exo_scan *scan);

/* ==== Models: survival (src/model/km.c, logrank.c, cox.c, contagion.c) ==== */

/*
 * Conventions of this section: n rows; 'start' may be NULL (right-censored
 * data, every row at risk from time 0), else row i is at risk on
 * (start[i], stop[i]] (counting-process data, delayed entry); event[i] is
 * 1 for an event at stop[i], 0 for censoring. Times are in any one unit
 * (days for spells). A 'group' or 'strata' array holds 0-based indices,
 * and a negative entry leaves the row out.
 */

typedef enum exo_ci_type {
    EXO_CI_LOG = 0, /* exp(log S -/+ z se): R's default */
    EXO_CI_LOGLOG,  /* on log(-log S) */
    EXO_CI_PLAIN    /* S -/+ z se(S), clipped to [0, 1] */
} exo_ci_type;

/* "log", "log-log", "plain"; and the parser (false when unknown). */
EXO_API const char *exo_ci_type_name(exo_ci_type type);
EXO_API bool exo_ci_type_parse(const char *name, exo_ci_type *out);

typedef struct exo_km_opts {
    exo_ci_type ci;    /* zero: EXO_CI_LOG */
    double conf_level; /* zero: 0.95 */
} exo_km_opts;

/*
 * One Kaplan-Meier curve, one entry per distinct stop time (events and
 * censorings, as R's survfit). std_err is Greenwood's standard error of
 * -log S (R's fit$std.err), infinite once S reaches 0 (lower and upper are
 * then NaN); cumhaz is Nelson-Aalen with its standard error std_chaz.
 * Quantities never reached (a median above the last time) are NaN.
 */
typedef struct exo_km_curve {
    size_t n; /* rows in the group */
    size_t n_events;
    size_t n_times;
    double *time, *n_risk, *n_event, *n_censor;
    double *surv, *std_err, *lower, *upper, *cumhaz, *std_chaz;
    double median, median_lower, median_upper;
} exo_km_curve;

typedef struct exo_km {
    exo_ci_type ci;
    double conf_level;
    size_t n_groups;
    exo_km_curve *curves; /* one per group index, empty when unused */
} exo_km;

/*
 * Kaplan-Meier by group ('group' NULL: one curve; else n_groups curves,
 * group[i] in [0, n_groups) or negative to leave row i out), with
 * Greenwood intervals and medians exactly as R's survfit and
 * quantile.survfit compute them. Release with exo_km_release.
 */
EXO_API exo_code exo_km_fit(size_t n, const double *start, const double *stop,
                            const int *event, const int *group, size_t n_groups,
                            const exo_km_opts *opts, exo_km *out /* OUT */,
                            exo_err *err);
EXO_API void exo_km_release(exo_km *km);

/*
 * Competing risks: the Aalen-Johansen estimate of the cumulative incidence
 * of each cause (R's survfit on a multi-state Surv whose status is a
 * factor: fit$pstate). Rows are (start, stop] (start NULL: from 0) with
 * cause[i] in 0 (censored) .. n_causes. At each distinct time t with an
 * event of any cause, with n(t) rows at risk and d_k(t) events of cause k:
 *   F_k(t) = F_k(t-) + S(t-) d_k(t) / n(t),  S(t) = S(t-) (1 - d(t)/n(t))
 * where S is the Kaplan-Meier curve of any event. One entry per event time
 * (censoring times change no estimate). Release with exo_cuminc_release.
 */
typedef struct exo_cuminc {
    size_t n;        /* rows */
    size_t n_causes; /* K */
    size_t n_times;  /* distinct times with an event */
    double *time, *n_risk;
    double *cif;      /* K x n_times, cause k's at cif[k * n_times + j] */
    double *surv;     /* event-free, at each time */
    size_t *n_events; /* per cause, K */
} exo_cuminc;

EXO_API exo_code exo_cuminc_fit(size_t n, const double *start,
                                const double *stop, const int *cause,
                                size_t n_causes, exo_cuminc *out /* OUT */,
                                exo_err *err);
EXO_API void exo_cuminc_release(exo_cuminc *ci);
/* F_k(t) of cause k (0-based), the step function: 0 before the first
 * event time. */
EXO_API double exo_cuminc_at(const exo_cuminc *ci, size_t cause, double t);

/*
 * Retention by hire cohort, as an HR team tabulates it: of the people
 * hired in each year (or quarter), how many were still employed 6, 12 and
 * 24 months after their hire date (the same day of the month; the last
 * day of a shorter month), among those hired long enough before the
 * censor day to tell. Any end counts as gone. A spell that starts before
 * 'since' (when has_since) is left out: the leavers of its cohort before
 * the records begin are missing.
 */
typedef enum exo_cohort_unit {
    EXO_COHORT_YEAR = 0,
    EXO_COHORT_QUARTER
} exo_cohort_unit;
#define EXO_COHORT_N_MONTHS 3
extern EXO_API const int exo_cohort_months[EXO_COHORT_N_MONTHS]; /* 6 12 24 */

typedef struct exo_cohort_row {
    int year, quarter; /* quarter 1-4; 0 for a year cohort */
    size_t hired;
    size_t observed[EXO_COHORT_N_MONTHS]; /* anniversary on or before the
                                             censor day */
    size_t retained[EXO_COHORT_N_MONTHS]; /* ... and ended after it, or open */
} exo_cohort_row;

typedef struct exo_cohorts {
    size_t n;
    exo_cohort_row *rows; /* in time order, only cohorts with hires */
    size_t n_before;      /* spells started before 'since', left out */
} exo_cohorts;

/* 'start' and 'end' in days (end NaN: open), each spell's censor day. */
EXO_API exo_code exo_cohorts_compute(size_t n, const double *start,
                                     const double *end, const double *censor,
                                     bool has_since, double since,
                                     exo_cohort_unit unit,
                                     exo_cohorts *out /* OUT */, exo_err *err);
EXO_API void exo_cohorts_release(exo_cohorts *cohorts);
/*
 * S(t) of 'curve' with its interval (the step function: the value at the
 * last time <= t; 1 before the first). Returns false when t is past the
 * last time of the curve (the estimate is not defined there).
 */
EXO_API bool exo_km_at(const exo_km_curve *curve, double t, double *surv,
                       double *lower, double *upper);
/*
 * The p-quantile of the time distribution (p = 0.5: the median), with the
 * interval from the lower and upper curves, by R's quantile.survfit rule.
 * Unreached values are NaN.
 */
EXO_API void exo_km_quantile(const exo_km_curve *curve, double p, double *q,
                             double *lower, double *upper);

/* The log-rank / Fleming-Harrington G-rho test of R's survdiff. */
typedef struct exo_logrank {
    size_t n_groups;
    double rho;
    double *n;        /* rows per group */
    double *observed; /* (weighted) events per group, summed over strata */
    double *expected;
    double *var; /* n_groups x n_groups, row-major: variance of O - E */
    double chisq;
    int df; /* groups with expected > 0, minus 1 */
    double p_value;
} exo_logrank;

/*
 * Right-censored data only ('time'); 'strata' may be NULL. The chi-square
 * uses the first k-1 groups with expected > 0, as R does.
 */
EXO_API exo_code exo_logrank_test(size_t n, const double *time,
                                  const int *event, const int *group,
                                  size_t n_groups, const int *strata,
                                  double rho, exo_logrank *out /* OUT */,
                                  exo_err *err);
/*
 * The same with delayed entry ('entry' may be NULL): a row is at risk at t
 * when entry < t <= time, as for Kaplan-Meier observed from a date. It is
 * the score test of the Cox model with the exact partial likelihood (R:
 * coxph(Surv(entry, time, event) ~ group, ties = "exact")$score).
 */
EXO_API exo_code exo_logrank_test_entry(size_t n, const double *entry,
                                        const double *time, const int *event,
                                        const int *group, size_t n_groups,
                                        const int *strata, double rho,
                                        exo_logrank *out /* OUT */,
                                        exo_err *err);
EXO_API void exo_logrank_release(exo_logrank *test);

typedef enum exo_ties {
    EXO_TIES_EFRON = 0, /* R's default */
    EXO_TIES_BRESLOW
} exo_ties;

typedef struct exo_cox_opts {
    exo_ties ties;
    double eps;        /* zero: 1e-9, relative change in log-likelihood */
    int iter_max;      /* zero: 20 */
    double toler_chol; /* zero: DBL_EPSILON^0.75 */
    double toler_inf;  /* zero: sqrt(eps), for monotone likelihood */
    double conf_level; /* zero: 0.95, for the hazard-ratio intervals */
    bool no_concordance;
    /* p names of covariates, used in messages only; NULL: "x1", "x2", ... */
    const char *const *names;
} exo_cox_opts;

/*
 * A Cox proportional-hazards fit as R's coxph reports it. Rows with a NaN
 * covariate are left out and counted in n_missing. var is the p x p
 * model-based inverse information (row-major). The tests are at beta = 0
 * (score), likelihood ratio and Wald, each on p degrees of freedom.
 * Concordance is R's concordance(fit): counts of pairs formed within
 * risk sets and its infinitesimal-jackknife standard error.
 */
typedef struct exo_cox {
    size_t n, n_events, n_missing, p;
    double *coef, *se, *z, *p_value, *hr, *hr_lower, *hr_upper;
    double *var;
    double *means; /* where R centres each covariate (0 for 0/1 ones) */
    double loglik_null, loglik;
    double lr_test, lr_p, wald_test, wald_p, score_test, score_p;
    int df;
    int iterations;
    bool converged; /* false: ran out of iterations (a warning, not an error) */
    bool has_concordance;
    double concordant, discordant, tied_x, tied_y, tied_xy;
    double concordance, concordance_se;
} exo_cox;

/*
 * Fits a Cox model by Newton-Raphson with step halving as R does (centred
 * covariates, start at 0). 'x' is column-major: covariate k of row i is
 * x[k * n + i]. 'strata' may be NULL. Constant or collinear covariates and
 * a monotone likelihood (an infinite coefficient) are EXO_ENUMERIC with
 * the covariate named. Cost O((n + d) p^2) per iteration plus the sort.
 */
EXO_API exo_code exo_cox_fit(size_t n, size_t p, const double *start,
                             const double *stop, const int *event,
                             const double *x, const int *strata,
                             const exo_cox_opts *opts, exo_cox *out /* OUT */,
                             exo_err *err);
EXO_API void exo_cox_release(exo_cox *fit);

/*
 * Cox across workers (src/model/cox_dist.c): each worker holds some of the
 * rows, and every Newton step adds the workers' per (stratum, event time)
 * risk-set sums, S0, S1, S2 and the same over the deaths, with comm->sum
 * (MPI_Allreduce under exodus-mpi); when every stratum's rows sit on one
 * worker, only each worker's log-likelihood, score and information. Exact
 * for Breslow and Efron, stratified or not, whichever rows sit where; the fit
 * differs from exo_cox_fit on all the rows only by the order of additions.
 * docs/scan.md has the figures.
 */
typedef struct exo_cox_comm {
    /* Adds buf[0..n) over the workers, in place; every worker must get the
     * same bits back (reduce to one, then broadcast). 0 on success. */
    int (*sum)(double *buf, size_t n, void *ud);
    /* Every worker's 'n' values, in worker order, into a new array of
     * '*n_all' from malloc (the fit frees it with free). 0 on success. */
    int (*gather)(const double *mine, size_t n, double **all, size_t *n_all,
                  void *ud);
    void *ud;
} exo_cox_comm;

typedef struct exo_cox_dist_stats {
    size_t n_times;         /* (stratum, event time) pairs of all workers */
    size_t doubles_per_sum; /* what one evaluation adds over the workers */
    size_t n_evals;         /* evaluations (Newton steps and halvings) */
    bool nested; /* every stratum's rows on one worker: each evaluation
                    adds only log L, score and information (1 + p + p^2) */
} exo_cox_dist_stats;

/*
 * exo_cox_fit on the union of every worker's rows, called by every worker
 * with its own (strata are global indices). The same 'out' on each; no
 * concordance (it needs all the rows in one place). 'stats' may be NULL.
 */
EXO_API exo_code exo_cox_fit_dist(size_t n, size_t p, const double *start,
                                  const double *stop, const int *event,
                                  const double *x, const int *strata,
                                  const exo_cox_opts *opts,
                                  const exo_cox_comm *comm,
                                  exo_cox *out /* OUT */,
                                  exo_cox_dist_stats *stats, exo_err *err);

/*
 * Counting-process episodes for employment spells with the contagion
 * covariate: for spell i, the number of departures of co-workers (other
 * spells of the same set; of the same team when team[i] >= 0) on days in
 * (a - W, a], where (a, b] is the episode: only departures strictly before
 * the interval opens count. Episodes break where that count changes. Time
 * is tenure (days since the spell started); start, end (NaN: open, censored
 * at censor_day) and the event flag come from the spells.
 */
typedef struct exo_contagion_opts {
    double window_days; /* zero: 90 */
    bool has_censor_day;
    double censor_day; /* open spells end here; else the latest day seen */
    bool has_obs_start;
    double obs_start; /* spells begun earlier enter at this day (truncation) */
} exo_contagion_opts;

typedef struct exo_episodes {
    size_t n;
    double *start, *stop; /* tenure in days: (start, stop] */
    int *event;
    double *contagion;    /* co-worker departures in the window */
    double *entry_tenure; /* tenure when the spell entered observation */
    size_t *spell;        /* index of the spell the episode belongs to */
    size_t n_spells;      /* spells with at least one episode */
    size_t n_skipped;     /* spells of no length inside the observation */
    double window_days;
    double censor_day;
} exo_episodes;

EXO_API exo_code exo_episodes_compute(size_t n, const double *start,
                                      const double *end, const int *event,
                                      const int *team,
                                      const exo_contagion_opts *opts,
                                      exo_episodes *out /* OUT */,
                                      exo_err *err);
EXO_API void exo_episodes_release(exo_episodes *ep);

/*
 * A CSV file (gzip too) read into survival arrays for 'survival --data'.
 * 'event' is a column of 0/1 (1/2 as R's Surv reads it; TRUE/FALSE too) or
 * "COL=VALUE" for an event when the column equals VALUE. 'cox' is a
 * formula "a + b + factor(c) + strata(d)": a column whose values are not
 * all numbers is a factor; its reference level comes from 'ref'
 * ("c=LEVEL,d=LEVEL"), else the first level in byte order. Factor levels
 * are opaque bytes (non-UTF-8 text is kept as it is). "NA" and empty
 * cells are missing: a row missing time, start or event is dropped, a
 * missing 'by' gives group -1, a missing covariate NaN.
 */
typedef struct exo_survival_spec {
    const char *time, *start, *event; /* column names; start may be NULL */
    const char *by;                   /* NULL: no groups */
    const char *cox;                  /* NULL: no covariates */
    const char *ref;                  /* NULL: sorted first levels */
} exo_survival_spec;

typedef struct exo_survival_data {
    size_t n;         /* rows kept */
    size_t n_dropped; /* rows without time, start or event */
    double *start;    /* NULL without a start column */
    double *stop;
    int *event;
    int *group; /* NULL without 'by' */
    size_t n_groups;
    char **group_names; /* "way=bus" as R labels strata */
    size_t p;
    double *x;    /* column-major n x p */
    char **terms; /* p names as R names them: "age", "genderm" */
    int *strata;  /* NULL without strata() */
    size_t n_strata;
    /* Dates in the time column (YYYY-MM-DD): 'start' is then the day each
     * row began (a hire date) and times are days from it (tenure; 'start'
     * above is NULL); an empty time with no event is open, censored on the
     * latest date of the file. */
    bool dates;
    double censor_day; /* days since 1970-01-01 */
    /* A "contagion(W)" or "contagion(W, COL)" term (dates only): the rows
     * that became events before each risk interval, in the W days before
     * it, of the same COL value (every row without COL). The Cox rows are
     * then episodes, (cox_start, cox_stop] of tenure, cox_x column-major
     * cox_n x p; the rows above stay those of Kaplan-Meier. */
    bool has_contagion;
    size_t contagion_term; /* its column of cox_x */
    double window_days;
    size_t cox_n;
    double *cox_start, *cox_stop, *cox_x;
    int *cox_event, *cox_strata; /* cox_strata NULL without strata() */
} exo_survival_data;

EXO_API exo_code exo_survival_data_load(const char *path,
                                        const exo_survival_spec *spec,
                                        exo_survival_data *out /* OUT */,
                                        exo_err *err);
EXO_API void exo_survival_data_release(exo_survival_data *data);

/*
 * The store's spells of 'orgs' (canonical names) read into survival arrays,
 * as 'exodus survival ORG...', the report's and the dashboard's retention
 * read them: one function, so the three give the same numbers. A
 * departure is a spell ended by leaving or being fired; open spells are
 * censored at their organisation's export date (import --as-of), else at
 * the latest date in the data. Observed from 'since', a spell begun
 * earlier enters at its tenure that day (delayed entry) and one that ended
 * earlier is left out. 'cox' takes the store terms joined by '+': level,
 * org, team, role (factors), strata(team) or strata(role), entry (tenure on
 * entering observation), year (the calendar year of each risk interval, split
 * on 1 January) and contagion(W) (co-workers' departures in the W days before
 * each risk interval; the team's when teams are known). A term that
 * cannot be fitted is an EXO_EINVAL error or, when it cannot vary, left
 * out with a note in 'notes'.
 */
typedef struct exo_retention_opts {
    const char *by;              /* NULL, "level", "org", "team", "cohort" */
    exo_cohort_unit cohort_unit; /* the cohorts of by "cohort" */
    const char *cox;             /* NULL: no Cox design */
    const char *ref;             /* "level=NAME" or "team=NAME", or NULL */
    bool has_since;
    int32_t since;
    const char *cause; /* NULL: every departure is an event; else a reason,
                          left, fired, voluntary or involuntary */
    /* Without 'since': observe from the first departure the spells record
     * when someone was hired before it (an export that starts there shows
     * the hires before it but not the leavers), as the spiral's window. */
    bool since_first_departure;
} exo_retention_opts;

#define EXO_RETENTION_MAX_NOTES 4

typedef struct exo_retention_data {
    size_t n_orgs;
    char **orgs;                                    /* canonical names */
    size_t n_spells;                                /* every spell loaded */
    double *spell_start, *spell_end, *spell_censor; /* days; end NaN: open */
    size_t n_departures;   /* left or fired, of every spell */
    size_t n_cause_events; /* with 'cause': the departures for it */
    double censor;         /* the latest censor day (days) */
    bool as_of;            /* an export date censors some spells */
    bool has_since;        /* observed from 'since' (asked, or the data's) */
    int32_t since;
    bool since_from_data; /* 'since' is the day before the first recorded
                             departure (so that it is observed) */
    size_t n_left_out;    /* spells ended before 'since' */
    size_t n_late;        /* spells begun before 'since' (delayed entry) */
    /* Kaplan-Meier rows (tenure in days) */
    size_t n;
    double *entry; /* NULL when not observed from a date */
    double *stop;
    int *event;
    int *group; /* NULL without 'by' */
    size_t n_groups;
    char **group_names; /* "team=Bakery", "cohort=2014", sorted */
    int *cause;         /* the reason of each event row, or -1 */
    size_t n_causes;
    char **cause_names; /* reasons, or left/fired when none is given */
    /* The Cox design: episodes when contagion or strata split spells */
    size_t cox_n, p;
    double *cox_start, *cox_stop, *x; /* x column-major cox_n x p */
    int *cox_event, *strata;          /* strata NULL without strata() */
    char **terms;                     /* p names as R names them */
    long contagion_term;              /* its column, or -1 */
    double window_days;
    size_t n_skipped; /* spells of no length left out of the Cox rows */
    size_t n_notes;
    char notes[EXO_RETENTION_MAX_NOTES][200];
    char strata_by[8]; /* "team" or "role" with strata(), else "" */
} exo_retention_data;

EXO_API exo_code exo_retention_data_load(exo_store *store,
                                         const char *const *orgs, size_t n_orgs,
                                         const exo_retention_opts *opts,
                                         exo_retention_data *out /* OUT */,
                                         exo_err *err);
EXO_API void exo_retention_data_release(exo_retention_data *data);

/* ==== Models: runway (src/model/runway.c, scenarios src/ingest/scenario.c)
 * ==== */

/*
 * A monthly stock-and-flow model of cash, headcount, employee dilution,
 * revenue and valuation, with attrition that rises with dilution and with
 * recent departures; deterministic and Monte Carlo. docs/runway.md states
 * every equation and the scenario file's schema.
 */

/* An uncertain input. The central value (used by the deterministic run)
 * is the value, the mean, the median and the midpoint respectively. */
typedef enum exo_dist_kind {
    EXO_DIST_FIXED = 0, /* a = the value */
    EXO_DIST_NORMAL,    /* a = mean, b = standard deviation */
    EXO_DIST_LOGNORMAL, /* a = median (exp of the log mean), b = sd of log */
    EXO_DIST_UNIFORM    /* a = min, b = max */
} exo_dist_kind;

typedef struct exo_dist {
    exo_dist_kind kind;
    double a, b;
    double lo, hi; /* draws are clamped to [lo, hi] (the field's range) */
} exo_dist;

/* The central value of 'd' (clamped to its range). */
EXO_API double exo_dist_center(const exo_dist *d);

#define EXO_RUNWAY_MAX_LEVELS 8
#define EXO_RUNWAY_MAX_ROUNDS 32
#define EXO_RUNWAY_MAX_MONTHS 600

typedef struct exo_runway_level {
    char name[32];
    double headcount;            /* people at month 0 */
    exo_dist cost_usd_per_year;  /* fully loaded cost per person */
    exo_dist attrition_per_year; /* base hazard, per person-year */
    double talent_weight;        /* weight in the talent index (1) */
} exo_runway_level;

typedef struct exo_runway_round {
    int month; /* funds arrive at the end of this month (>= 1) */
    exo_dist size_usd;
    double probability; /* of closing, in [0, 1] */
} exo_runway_round;

typedef enum exo_contagion_mode {
    EXO_CONTAGION_WINDOW = 0, /* (1 + k_c x departures in window / headcount) */
    EXO_CONTAGION_HAWKES      /* + n x kernel-weighted departures / headcount */
} exo_contagion_mode;

typedef struct exo_runway_scenario {
    char name[128];
    bool has_start;
    int32_t start_day; /* month 0 (days since 1970-01-01) */
    int months;        /* horizon (default 120) */
    exo_dist cash_usd;
    exo_dist revenue_usd_per_month;
    exo_dist revenue_growth_per_month;
    double revenue_growth_half_life_months; /* 0: growth does not fade */
    exo_dist growth_talent_elasticity;
    exo_dist compute_usd_per_month;
    exo_dist compute_growth_per_month;
    double compute_growth_half_life_months; /* 0: growth does not fade */
    exo_dist other_costs_usd_per_month;
    size_t n_levels; /* 1 when the file gives no levels */
    exo_runway_level levels[EXO_RUNWAY_MAX_LEVELS];
    double headcount_growth_per_month; /* the hiring plan's target growth */
    double hire_ramp_months;       /* a hire's talent ramps up; 0: at once */
    exo_dist hiring_max_per_month; /* hires <= this x headcount per month */
    exo_dist attrition_dilution_sensitivity;  /* k_dilution */
    exo_dist attrition_contagion_sensitivity; /* k_contagion (window mode) */
    exo_contagion_mode contagion_mode;
    int contagion_window_months;         /* window mode (default 3) */
    double contagion_branching_n;        /* Hawkes mode: n = alpha / beta */
    double contagion_half_life_months;   /* Hawkes mode: ln 2 / beta */
    exo_dist valuation_revenue_multiple; /* pre-money / annual run-rate */
    size_t n_rounds;
    exo_runway_round rounds[EXO_RUNWAY_MAX_ROUNDS];
    bool has_trigger; /* raise when runway falls below ... */
    double trigger_runway_months;
    bool trigger_size_is_burn; /* size in months of net burn, not USD */
    exo_dist trigger_size;     /* USD, or months of net burn */
    double trigger_probability;
    int trigger_retry_months; /* wait after any attempt (default 3) */
    int trigger_max_rounds;   /* at most this many (default 100) */
    /* The coupling links of the "links" object (docs/runway.md, "The
     * coupling"), indexed by exo_runway_coupling; all 0 (off) when the
     * file has no "links", which is then how older files read. */
    bool has_links;
    exo_dist links[12];
    bool link_given[12];       /* the file names this link */
    char link_source[12][320]; /* its "source" ("assumption" or a citation) */
} exo_runway_scenario;

/* The coupling links, each a value with a source in the scenario file. */
typedef enum exo_runway_coupling {
    EXO_CPL_HIRING_FREEZE_RUNWAY = 0, /* no hires below this runway (months) */
    EXO_CPL_ACCEPT_DILUTION,          /* offer acceptance 1 / (1 + a_d D */
    EXO_CPL_ACCEPT_ATTRITION,         /*   + a_a x recent attrition a year */
    EXO_CPL_ACCEPT_DOWN_ROUND,        /*   + a_r x [down round in 12 mo]) */
    EXO_CPL_STRESS_ATTRITION,      /* hazard x (1 + k_s max(0, 1 - runway/S)) */
    EXO_CPL_STRESS_RUNWAY,         /* S: months of runway felt as stress */
    EXO_CPL_DOWN_ROUND_ATTRITION,  /* hazard x (1 + k_r) after a down
                                      round, for 12 months */
    EXO_CPL_REVENUE_KEY_LOSS,      /* revenue x (1 - k x talent-weighted
                                      share leaving this month) */
    EXO_CPL_ROUND_PROB_CONFIDENCE, /* round probability x C^k */
    EXO_CPL_ROUND_MULTIPLE_CONFIDENCE, /* valuation multiple x C^k */
    EXO_CPL_ROUND_MULTIPLE_DISTRESS,   /* multiple x min(1, runway/S)^k */
    EXO_CPL_ROUND_SIZE_CONFIDENCE      /* a round's size x C^k */
} exo_runway_coupling;
#define EXO_RUNWAY_N_COUPLINGS 12
/* The link's key in the "links" object ("hiring_freeze_runway_months"). */
EXO_API const char *exo_runway_coupling_key(exo_runway_coupling c);

/*
 * Reads a scenario file ('path'; "-" for standard input) or text, the
 * schema of docs/runway.md. Every field is checked; a bad or unknown one
 * is EXO_EDATA with the file and the line and column of the JSON value.
 * 'name' is the file name used in messages.
 */
EXO_API exo_code exo_runway_scenario_load(const char *path,
                                          exo_runway_scenario *out /* OUT */,
                                          exo_err *err);
EXO_API exo_code exo_runway_scenario_parse(const char *text, size_t len,
                                           const char *name,
                                           exo_runway_scenario *out /* OUT */,
                                           exo_err *err);
/*
 * The same, after applying 'n_sets' overrides to the file's JSON, in
 * order, before any field is checked, so that an overridden value is
 * validated exactly as if the file held it (sensitivity runs). Each
 * sets[i] is "KEY=VALUE": KEY names a member, nested with '.' and array
 * indices ("cash_usd", "levels.0.headcount", "rounds.1.month"; an index
 * one past the end appends); VALUE is JSON (5e9, or a distribution
 * {"dist":"normal","mean":5e9,"sd":1e9}), else a string; null removes
 * the member. A bad override, or a bad value it brings, is EXO_EINVAL
 * with the message "KEY: what is wrong" (no file location); errors
 * elsewhere in the file are as above.
 */
EXO_API exo_code exo_runway_scenario_load_set(
    const char *path, const char *const *sets, size_t n_sets,
    exo_runway_scenario *out /* OUT */, exo_err *err);
EXO_API exo_code exo_runway_scenario_parse_set(
    const char *text, size_t len, const char *name, const char *const *sets,
    size_t n_sets, exo_runway_scenario *out /* OUT */, exo_err *err);

typedef struct exo_runway_opts {
    size_t n_paths;      /* Monte Carlo paths; 0: 10000 */
    uint64_t seed;       /* path p draws from a stream derived from (seed, p) */
    int months;          /* > 0: overrides the scenario's horizon */
    bool no_monte_carlo; /* the deterministic run and loop gain only */
    bool no_loop_gain;
    exo_hooks hooks;  /* progress of the Monte Carlo paths; nonzero stops
                         them (EXO_ECANCELED); warn is not called */
    double det_shock; /* extra departures in month 1 of the deterministic
                         path only (a what-if; 0: none) */
} exo_runway_opts;

/* Quantiles of a path across Monte Carlo paths, per month 0..months. */
#define EXO_RUNWAY_N_Q 5 /* 2.5%, 10%, 50%, 90%, 97.5% */

typedef struct exo_runway_band {
    double *q;    /* (months + 1) x EXO_RUNWAY_N_Q, row-major by month */
    double *mean; /* months + 1 */
} exo_runway_band;

/* The links of the loop, in the order the loop gain multiplies them. */
typedef enum exo_runway_link {
    EXO_LINK_ATTRITION_REVENUE = 0, /* departures -> revenue */
    EXO_LINK_REVENUE_MONEY,         /* revenue (and payroll) -> money needed */
    EXO_LINK_MONEY_DILUTION,        /* money needed -> dilution */
    EXO_LINK_DILUTION_ATTRITION     /* dilution -> departures */
} exo_runway_link;
#define EXO_RUNWAY_N_LINKS 4
/* "attrition -> revenue", ...: static text. */
EXO_API const char *exo_runway_link_name(exo_runway_link link);

typedef struct exo_runway_gain {
    double gain;  /* departures returned per departure sent round */
    double shock; /* extra departures injected in month 1 */
    double elasticity[EXO_RUNWAY_N_LINKS]; /* NaN where a base is zero */
    int dominant; /* link with the largest |elasticity|, -1: none */
    int weakest;  /* smallest |elasticity|, -1: none */
    double d_departures_in, d_departures_out; /* total excess departures */
    double d_revenue, d_money, d_dilution;    /* changes of the loop nodes */
    double base_departures, base_revenue, base_money, base_dilution;
    double base_costs; /* cumulative costs: the scale of the money node */
} exo_runway_gain;

typedef struct exo_runway_path {
    double *cash, *headcount, *dilution, *revenue, *valuation; /* months+1 */
    double cashout_month; /* interpolated; INFINITY when not in the horizon */
    size_t n_rounds;      /* rounds closed */
    double *departures, *hires; /* months + 1 (month 0: 0) */
    double *runway; /* months of net burn left at the month's end; INFINITY
                       when cash is not falling */
} exo_runway_path;

/* The loop the coupling closes, knocked out one link at a time. */
typedef enum exo_runway_knock {
    EXO_KNOCK_CONTAGION = 0,    /* co-workers leaving -> attrition */
    EXO_KNOCK_DILUTION,         /* dilution -> attrition */
    EXO_KNOCK_CASH_STRESS,      /* short runway -> attrition */
    EXO_KNOCK_DOWN_ROUND,       /* down round -> attrition */
    EXO_KNOCK_HIRING_FREEZE,    /* short runway -> no hiring */
    EXO_KNOCK_OFFER_ACCEPTANCE, /* dilution, attrition, down round -> hires */
    EXO_KNOCK_TALENT_GROWTH,    /* talent -> revenue growth */
    EXO_KNOCK_KEY_LOSS,         /* leavers -> revenue */
    EXO_KNOCK_ROUND_TERMS       /* growth, talent, runway -> round terms */
} exo_runway_knock;
#define EXO_RUNWAY_N_KNOCK 9
/* "co-worker contagion -> attrition", ...: static text. */
EXO_API const char *exo_runway_knock_name(exo_runway_knock k);

/*
 * The loop gain from the simulation: on each of n_paths paths (inputs and
 * round outcomes drawn, flows at their expectations, round timing and
 * cash-out free) the departures that a shock of 'shock' departures in
 * month 1 induces over the horizon in one pass through the loop (the
 * induced departures are not fed back), divided by the shock. Above 1:
 * each wave of departures brings a larger one, a spiral.
 */
typedef struct exo_runway_loop {
    size_t n_paths;
    double shock; /* departures added in month 1: the denominator */
    double median, lo80, hi80, mean;
    double p_above_1;                        /* share of paths with gain > 1 */
    double det;                              /* on the deterministic path */
    double knock_median[EXO_RUNWAY_N_KNOCK]; /* the median with that link
                                                cut (NaN: link absent) */
    int dominant; /* the link whose cut lowers the median most; -1 none */
} exo_runway_loop;

/* One bar of the tornado: an input at its low and high value, the rest at
 * their central values, on the deterministic path. */
typedef struct exo_runway_tornado {
    char input[64];
    double low, high;                 /* the values tried */
    double cashout_low, cashout_high; /* months (INFINITY: beyond horizon) */
    double gain_low, gain_high;       /* the deterministic loop gain */
} exo_runway_tornado;
#define EXO_RUNWAY_MAX_TORNADO 48

typedef struct exo_runway {
    int months;
    size_t n_paths;
    uint64_t seed;
    exo_runway_path det;  /* all inputs at their central values */
    exo_runway_gain loop; /* no longer filled (has_loop_gain false): the
                             loop gain is now 'chain', below */
    bool has_loop_gain;
    bool has_mc;
    /* Months to cash-out across paths (INFINITY: beyond the horizon). */
    double cashout_median, cashout_lo80, cashout_hi80, cashout_lo95,
        cashout_hi95;
    /* P(cash-out within 12, 24, 36 months; NaN past the horizon). */
    double p_cashout_12, p_cashout_24, p_cashout_36, p_cashout_horizon;
    double mean_rounds; /* rounds closed per path */
    exo_runway_band cash, headcount, dilution;
    /* The coupled model's loop gain (when has_chain) and tornado, sorted
     * by the swing of the cash-out month, largest first. */
    bool has_chain;
    exo_runway_loop chain;
    size_t n_tornado;
    exo_runway_tornado tornado[EXO_RUNWAY_MAX_TORNADO];
    exo_runway_band rounds; /* rounds closed by each month */
} exo_runway;

/*
 * Runs 'sc': the deterministic path, the loop gain, and 'n_paths' Monte
 * Carlo paths on all cores (the same numbers for a seed whatever the
 * thread count). opts->hooks.progress is asked every 256 paths with the
 * share begun; when it returns nonzero the run stops with EXO_ECANCELED
 * and 'out' is left zeroed. Release with exo_runway_release.
 */
EXO_API exo_code exo_runway_run(const exo_runway_scenario *sc,
                                const exo_runway_opts *opts,
                                exo_runway *out /* OUT */, exo_err *err);
EXO_API void exo_runway_release(exo_runway *r);

/* A round that happened, for exo_runway_backtest. */
typedef struct exo_runway_actual {
    double month;    /* months after the scenario's start (day / 30.4375) */
    double size_usd; /* money raised */
    double post_usd; /* post-money valuation; NaN: not reported */
} exo_runway_actual;

/* One recorded round against the Monte Carlo of a run. */
typedef struct exo_runway_check {
    int month;       /* the model month it closes in (ceil) */
    bool scored;     /* inside the horizon, after the start, post known */
    double dilution; /* employees' cumulative dilution after it, from the
                        rounds scored so far */
    double dil_lo80, dil_median, dil_hi80;
    int rounds; /* rounds scored by then */
    double rounds_lo80, rounds_median, rounds_hi80;
    bool dilution_inside, rounds_inside; /* within the 10%-90% band */
    double multiple; /* its pre-money / (12 x deterministic revenue) */
    double multiple_lo80, multiple_hi80; /* the scenario's 10%-90% */
    double size_burn; /* its size in months of deterministic net burn */
    double size_lo80, size_hi80; /* the trigger's, when in burn months */
    double runway; /* deterministic months of runway when it closed */
    /* The assumption that missed, when a band missed: a scenario key and
     * a sentence (static text); NULL when both bands held. */
    const char *missed_key, *missed_why;
} exo_runway_check;

/*
 * Scores the recorded rounds 'actual' (sorted by month) against the run
 * 'r' of 'sc' (with its Monte Carlo): 'out' gets one check per round. A
 * round of the start month (month < 1: in the opening cash) or past the
 * horizon, or without a post-money valuation, is not scored.
 */
EXO_API exo_code exo_runway_backtest(const exo_runway_scenario *sc,
                                     const exo_runway *r,
                                     const exo_runway_actual *actual, size_t n,
                                     exo_runway_check *out /* n */,
                                     exo_err *err);
/* ==== Report and dashboard (src/report/, src/serve/) ==== */

/* One organisation of a report, with the window its numbers are read in. */
typedef struct exo_report_org {
    const char *name;  /* as the user wrote it; resolved through aliases */
    exo_filter filter; /* since/until/levels of its departures; since is
                          also the observation start of its retention
                          curves (delayed entry); zero: all of the data */
} exo_report_org;

typedef struct exo_report_opts {
    const char *title;        /* NULL: "exodus report" */
    size_t min_departures;    /* with no orgs named: those with at least this
                                 many departures; 0 means 10 */
    uint64_t seed;            /* tie spreading and forecast; 0 means 1 */
    size_t forecast_paths;    /* 0 means 10000 */
    double horizon_days;      /* forecast horizon; 0 means 180 */
    const char *scenario;     /* runway scenario file; NULL: none */
    const char *provenance;   /* where the store's data came from, one
                                 paragraph of plain text; NULL: not stated */
    const char *store_label;  /* how to name the store in the methods
                                 (its path); NULL: not stated */
    exo_hooks hooks;          /* progress: one step per organisation
                                 (exo_report_html only; no warnings) */
    const char *scenario_org; /* the organisation 'scenario' describes, as
                                 the user wrote it; it must be one of the
                                 report's; NULL: the first of them */
    /* Organisations side by side (exo_comparison_load): a section now and,
     * with has_compare_as_of, one as of that date before it; NULL: none. */
    const char *const *compare;
    size_t n_compare;
    bool has_compare_as_of;
    int32_t compare_as_of;
    /* The screener: exo_scan_run over every organisation of the store,
     * one ranked table (fitted with min_departures, seed and paths). */
    bool screener;
    /* Runway scenarios side by side (with 'scenario' first when given): a
     * section comparing their months to cash-out, P(cash-out), dilution,
     * headcount and loop gain, with their median paths charted; NULL: none. */
    const char *const *compare_scenarios;
    size_t n_compare_scenarios;
} exo_report_opts;

/* Fills 'opts' with the defaults above. */
EXO_API void exo_report_opts_init(exo_report_opts *opts);

/*
 * Writes one self-contained HTML report to 'out': per organisation a
 * verdict card, the departures timeline with the fitted Hawkes intensity,
 * its baseline, departures (by level, names on hover) and finance events
 * on one time axis, the goodness-of-fit QQ plot of rescaled times, and,
 * where the store has employment spells, Kaplan-Meier retention with
 * intervals and numbers at risk; with opts->scenario, the runway of that
 * scenario (fan charts of cash, headcount and dilution, cash-out
 * probabilities, loop gain) in the view of opts->scenario_org, whose card
 * then shows the months of runway; then the flows between all
 * organisations (a Sankey, net flows, the top net flows with exact
 * intervals) and a methods section. A scenario file that cannot be read
 * is its loader's error (EXO_ENOENT, EXO_EDATA). Charts are
 * Vega-Lite specifications rendered by Vega, Vega-Lite and vega-embed,
 * which are inlined: the file makes no network request. Every string
 * from the store is escaped for HTML and for JSON inside <script>.
 * 'orgs' (n_orgs entries) may be NULL with n_orgs 0: every organisation
 * with opts->min_departures departures or more. 'opts' may be NULL.
 * EXO_ENOTFOUND names an unknown organisation; EXO_EIO when writing to
 * 'out' fails ('out' may then hold part of the page). Only 'out' is
 * written to.
 */
EXO_API exo_code exo_report_html(exo_store *store, const exo_report_org *orgs,
                                 size_t n_orgs, const exo_report_opts *opts,
                                 FILE *out, exo_err *err);

typedef struct exo_serve_opts {
    const char *bind;         /* address to listen on; NULL: "127.0.0.1" */
    unsigned port;            /* exo_serve_opts_init sets 8080; 0: any free
                                 port, see exo_serve_port */
    unsigned timeout_s;       /* idle connection timeout; 0 means 10 */
    size_t max_connections;   /* exo_serve_opts_init sets 512; 0 means 64 */
    size_t memory_limit;      /* per connection, bytes; 0 means 64 KiB */
    exo_report_opts report;   /* seed, paths, horizon of the live views */
    const char *scenario_dir; /* holds the bundled runway scenarios
                                 (openai-2024.json, startup.json) that
                                 /api/runway runs; NULL: none */

    /* The longest a client may take to send a request's line and headers,
     * however slowly it trickles them; 0 means 10 seconds. */
    unsigned request_timeout_s;
    /* Connections from one IP address; exo_serve_opts_init sets 128; 0:
     * no limit but max_connections. */
    size_t max_per_client;
    /* Host header names answered besides the bound address (and
     * localhost, when that is a loopback or wildcard address):
     * n_allow_hosts names, without a port. */
    const char *const *allow_hosts;
    size_t n_allow_hosts;
    /* Bytes of answers kept until the store changes;
     * exo_serve_opts_init sets 64 MiB; 0: none kept. */
    size_t cache_bytes;
} exo_serve_opts;

typedef struct exo_server exo_server;

/* Fills 'opts' with the defaults above and port 8080. */
EXO_API void exo_serve_opts_init(exo_serve_opts *opts);

/*
 * Starts the dashboard for the store at 'db_path', opened read-only, on
 * its own threads: one per connection (libmicrohttpd's), so a slow answer
 * never holds up another, each request borrowing a read-only store handle
 * of its own. Answers that depend only on the store are kept in memory
 * until the store file changes (opts->cache_bytes). A request whose Host
 * header names neither the bound address nor opts->allow_hosts is refused
 * with 421 (a page whose DNS name was rebound to this address cannot read
 * the store); a client that has not sent its whole request line and
 * headers within opts->request_timeout_s is disconnected. Pages: "/" (the
 * dashboard), "/assets/NAME" (the embedded scripts and style; nothing
 * else on disk is ever read but the bundled scenarios) and the JSON views
 * "/api/orgs", "/api/spiral?org=NAME[&since=DATE][&until=DATE][&level=L,
 * ...]", "/api/survival?org=NAME[&since=DATE]", "/api/flows?[since=DATE]
 * [&until=DATE][&level=L,...]" and "/api/runway?scenario=NAME" (NAME one
 * of the bundled scenarios, by exact name). Bad or repeated parameters
 * answer 400 with {"error": "..."}, and so does a path with an encoded
 * NUL byte; unknown paths 404; methods other than GET and HEAD 405. An
 * allow_hosts name that is not a host name or a bracketed IPv6 address is
 * EXO_EINVAL. On failure '*out' is NULL. Stop with exo_serve_stop.
 */
EXO_API exo_code exo_serve_start(const char *db_path,
                                 const exo_serve_opts *opts,
                                 exo_server **out /* OUT */, exo_err *err);
/* The port the server listens on (the one chosen when opts->port was 0). */
EXO_API unsigned exo_serve_port(const exo_server *server);
/* Stops the server and closes its store; accepts NULL. */
EXO_API void exo_serve_stop(exo_server *server);

/* One HTTP answer of the dashboard, for exo_serve_answer. */
typedef struct exo_http_reply {
    unsigned status;          /* 200, 400, 404, 405, 500 */
    const char *content_type; /* static text */
    char *body;               /* the caller's, freed with exo_free */
    size_t length;
} exo_http_reply;

/*
 * The dashboard's request handler without the network: answers 'method'
 * on 'path' (already split from its query, percent-decoded by the
 * caller as libmicrohttpd does) with query arguments 'keys'/'values'
 * ('n_args' pairs, decoded) from 'store'. Never fails for bad input:
 * that is a 4xx reply. Returns EXO_ENOMEM only when no reply could be
 * made.
 */
EXO_API exo_code exo_serve_answer(exo_store *store, const exo_serve_opts *opts,
                                  const char *method, const char *path,
                                  const char *const *keys,
                                  const char *const *values, size_t n_args,
                                  exo_http_reply *reply /* OUT */,
                                  exo_err *err);

#ifdef __cplusplus
}
#endif
#endif /* EXODUS_H */
