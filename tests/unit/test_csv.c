/*
 * test_csv.c - RFC 4180 reading through libcsv, with field locations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "expect.h"
#include "core/alloc.h"
#include "ingest/csv.h"
#include "ingest/table.h"

struct seen {
    size_t n_records;
    char fields[8][4][32];
    size_t n_fields[8];
    long line[8][4], column[8][4];
};

static int collect(void *ud, const struct csv_record *rec)
{
    struct seen *s = ud;
    size_t r = s->n_records++;
    if (r >= 8)
        return 0;
    s->n_fields[r] = rec->n_fields;
    for (size_t k = 0; k < rec->n_fields && k < 4; k++) {
        snprintf(s->fields[r][k], 32, "%s", rec->field[k]);
        exo__csv_field_location(rec, k, &s->line[r][k], &s->column[r][k]);
    }
    return 0;
}

Test(csv, quotes_commas_newlines_crlf_bom)
{
    const char text[] = "\xEF\xBB\xBF"
                        "a,b,c\r\n"
                        "1,\"x, y\",\"say \"\"hi\"\"\"\r\n"
                        "\"multi\nline\",é,z\n"
                        "4,,6";
    struct seen s = {0};
    exo_err err = {0};
    cr_assert_eq(exo__csv_read_mem(text, sizeof text - 1, "t.csv", collect,
                                   &s, &err),
                 EXO_OK, "%s", err.msg);
    cr_assert_eq(s.n_records, 4);
    cr_expect_str_eq(s.fields[0][0], "a");
    cr_expect_str_eq(s.fields[1][1], "x, y");
    cr_expect_str_eq(s.fields[1][2], "say \"hi\"");
    cr_expect_str_eq(s.fields[2][0], "multi\nline");
    cr_expect_str_eq(s.fields[3][1], "");
    /* Locations: line of the field's start, character column. */
    cr_expect_eq(s.line[1][2], 2);
    cr_expect_eq(s.column[1][2], 10);
    cr_expect_eq(s.line[2][0], 3);
    cr_expect_eq(s.line[2][1], 4);
    cr_expect_eq(s.column[2][1], 7);
    cr_expect_eq(s.line[2][2], 4);
    cr_expect_eq(s.column[2][2], 9); /* 'é' counts as one character */
    cr_expect_eq(s.line[3][2], 5);
    cr_expect_eq(s.column[3][2], 4);
}

Test(csv, unterminated_quote_is_located)
{
    const char text[] = "a,b\n1,\"open\n2,3\n";
    struct seen s = {0};
    exo_err err = {0};
    cr_expect_eq(exo__csv_read_mem(text, sizeof text - 1, "bad.csv", collect,
                                   &s, &err),
                 EXO_EDATA);
    cr_expect_str_eq(err.file, "bad.csv");
    cr_expect_eq(err.line, 2);
    cr_expect_eq(err.column, 3, "column %ld", err.column);
    cr_expect_str_eq(err.msg, "quoted field never closed (expected a closing "
                              "quote before the end of the file)");
}

Test(csv, blank_lines_do_not_shift_locations)
{
    const char text[] = "a,b\n\n1,\"x\"\n\r\n\n2,3\n";
    struct seen s = {0};
    exo_err err = {0};
    cr_assert_eq(exo__csv_read_mem(text, sizeof text - 1, "t.csv", collect,
                                   &s, &err),
                 EXO_OK, "%s", err.msg);
    cr_assert_eq(s.n_records, 3);
    cr_expect_eq(s.line[1][0], 3);
    cr_expect_eq(s.line[1][1], 3);
    cr_expect_eq(s.column[1][1], 3);
    cr_expect_eq(s.line[2][0], 6);
    cr_expect_eq(s.line[2][1], 6);
}

/* Reads 'text' and returns the code; the error lands in 'err'. */
static exo_code read_text(const char *text, size_t len, exo_err *err)
{
    struct seen s = {0};
    return exo__csv_read_mem(text, len, "t.csv", collect, &s, err);
}

Test(csv, quote_errors_have_a_column_and_our_words)
{
    exo_err err = {0};
    const char in_unquoted[] = "a,b,c\n1,ab\"c,3\n";
    cr_expect_eq(read_text(in_unquoted, sizeof in_unquoted - 1, &err),
                 EXO_EDATA);
    cr_expect_eq(err.line, 2);
    cr_expect_eq(err.column, 5);
    cr_expect(strstr(err.msg, "quote inside an unquoted field"), "%s", err.msg);
    exo_err_clear(&err);
    const char after_close[] = "a,b\n\"é\"é,2\n";
    cr_expect_eq(read_text(after_close, sizeof after_close - 1, &err),
                 EXO_EDATA);
    cr_expect_eq(err.line, 2);
    cr_expect_eq(err.column, 4);
    cr_expect(strstr(err.msg, "'é' after the closing quote") == err.msg, "%s",
              err.msg);
    cr_expect(!strstr(err.msg, "strict"), "libcsv's words: %s", err.msg);
}

/* The same bad row, with LF, CRLF and CR line ends: the same location. */
Test(csv, cr_only_crlf_and_lf_files_locate_alike)
{
    const char *ends[] = {"\n", "\r\n", "\r"};
    for (int e = 0; e < 3; e++) {
        char text[200];
        const char *n = ends[e];
        snprintf(text, sizeof text, "a,b%s1,2%s%s3,\"x%sy\"%s4,x\"%s", n, n, n,
                 n, n, n);
        struct seen s = {0};
        exo_err err = {0};
        cr_expect_eq(exo__csv_read_mem(text, strlen(text), "t.csv", collect,
                                       &s, &err),
                     EXO_EDATA, "ends %d", e);
        cr_expect_eq(s.n_records, 3, "ends %d", e);
        cr_expect_eq(s.line[2][1], 4, "ends %d", e);
        cr_expect_eq(s.column[2][1], 3, "ends %d", e);
        cr_expect_eq(err.line, 6, "ends %d: line %ld", e, err.line);
        cr_expect_eq(err.column, 4, "ends %d: column %ld", e, err.column);
    }
}

Test(csv, nul_byte_is_located)
{
    const char text[] = "a,b\r1,Zed\0Evil\r";
    exo_err err = {0};
    cr_expect_eq(read_text(text, sizeof text - 1, &err), EXO_EDATA);
    cr_expect_eq(err.line, 2);
    cr_expect_eq(err.column, 6);
    cr_expect(strstr(err.msg, "NUL byte"), "%s", err.msg);
}

Test(csv, utf16_is_named_with_its_conversion)
{
    const char bom[] = "\xFF\xFE"
                       "a\0,\0b\0";
    const char bare[] = "\0a\0,\0b";
    exo_err err = {0};
    cr_expect_eq(read_text(bom, sizeof bom - 1, &err), EXO_EDATA);
    cr_expect_eq(err.line, 1);
    cr_expect(strstr(err.msg, "UTF-16") && strstr(err.msg, "iconv -f UTF-16 "),
              "%s", err.msg);
    exo_err_clear(&err);
    cr_expect_eq(read_text(bare, sizeof bare - 1, &err), EXO_EDATA);
    cr_expect(strstr(err.msg, "iconv -f UTF-16BE -t UTF-8"), "%s", err.msg);
}

static int check_width(void *ud, const struct csv_record *rec)
{
    exo_err *err = ud;
    return exo__csv_check_width(rec, 3, "t.csv", err);
}

Test(csv, ragged_rows_are_located)
{
    exo_err err = {0};
    const char longer[] = "a,b,c\r\n1,2,3\r\n1,2,3,\"4\"\r\n";
    cr_expect_eq(exo__csv_read_mem(longer, sizeof longer - 1, "t.csv",
                                   check_width, &err, NULL),
                 EXO_EDATA);
    cr_expect_eq(err.line, 3);
    cr_expect_eq(err.column, 7);
    cr_expect(strstr(err.msg, "row has 4 fields"), "%s", err.msg);
    exo_err_clear(&err);
    const char shorter[] = "a,b,c\n1,\"x\ny\"\n";
    cr_expect_eq(exo__csv_read_mem(shorter, sizeof shorter - 1, "t.csv",
                                   check_width, &err, NULL),
                 EXO_EDATA);
    cr_expect_eq(err.line, 3);
    cr_expect_eq(err.column, 3);
    cr_expect(strstr(err.msg, "row ends after 2 fields (expected 3"), "%s",
              err.msg);
}

/* Writes 'n' bytes to a temporary file; returns its path (static). */
static const char *temp_file(const void *data, size_t n)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/exo-test-XXXXXX");
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, data, n), (ssize_t)n);
    close(fd);
    return path;
}

/* 'text' compressed by zlib as gzip writes it; '*n' its size. */
static unsigned char *gzip_bytes(const char *text, size_t *n)
{
    static unsigned char out[4096];
    z_stream zs = {0};
    cr_assert_eq(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8,
                              Z_DEFAULT_STRATEGY),
                 Z_OK);
    zs.next_in = (unsigned char *)(uintptr_t)text;
    zs.avail_in = (uInt)strlen(text);
    zs.next_out = out;
    zs.avail_out = sizeof out;
    cr_assert_eq(deflate(&zs, Z_FINISH), Z_STREAM_END);
    *n = zs.total_out;
    deflateEnd(&zs);
    return out;
}

Test(input, gzip_whole_cut_short_or_with_trailing_bytes)
{
    const char text[] = "a,b\n1,2\n3,4\n";
    size_t n;
    unsigned char *gz = gzip_bytes(text, &n);
    char *got;
    size_t len;
    exo_err err = {0};
    const char *path = temp_file(gz, n);
    cr_expect_eq(exo__read_input(path, "t.csv.gz", &got, &len, &err), EXO_OK,
                 "%s", err.msg);
    cr_expect_eq(len, sizeof text - 1);
    cr_expect(got && strcmp(got, text) == 0);
    exo__free(got);
    unlink(path);
    /* Every cut short of the end is an error, never a shorter text (one
     * byte is not yet gzip's magic number). */
    for (size_t cut = 2; cut < n; cut++) {
        exo_err_clear(&err);
        path = temp_file(gz, cut);
        cr_expect_eq(exo__read_input(path, "t.csv.gz", &got, &len, &err),
                     EXO_EDATA, "cut at %zu of %zu", cut, n);
        cr_expect_null(got);
        unlink(path);
    }
    cr_expect(strstr(err.msg, "the gzip data ends early"), "%s", err.msg);
    /* Two members are one text; anything else after a member is not. */
    unsigned char twice[8192];
    memcpy(twice, gz, n);
    memcpy(twice + n, gz, n);
    exo_err_clear(&err);
    path = temp_file(twice, 2 * n);
    cr_expect_eq(exo__read_input(path, "t.csv.gz", &got, &len, &err), EXO_OK,
                 "%s", err.msg);
    cr_expect_eq(len, 2 * (sizeof text - 1));
    exo__free(got);
    unlink(path);
    memcpy(twice + n, "garbage\n", 8);
    exo_err_clear(&err);
    path = temp_file(twice, n + 8);
    cr_expect_eq(exo__read_input(path, "t.csv.gz", &got, &len, &err),
                 EXO_EDATA);
    cr_expect_eq(err.line, 4);
    cr_expect_eq(err.column, 1);
    cr_expect(strstr(err.msg, "bytes after the end of the gzip data"), "%s",
              err.msg);
    unlink(path);
}

Test(input, size_cap_is_stated_and_raised)
{
    char *got;
    size_t len;
    exo_err err = {0};
    const char *path = temp_file("0123456789\n", 11);
    setenv("EXODUS_MAX_INPUT", "10", 1);
    cr_expect_eq(exo__input_max(), 10);
    cr_expect_eq(exo__read_input(path, "t.csv", &got, &len, &err), EXO_EDATA);
    cr_expect(strstr(err.msg, "goes on past 10 bytes"), "%s", err.msg);
    cr_expect_eq(err.line, 1);
    cr_expect_eq(err.column, 11);
    setenv("EXODUS_MAX_INPUT", "1k", 1);
    cr_expect_eq(exo__input_max(), 1024);
    exo_err_clear(&err);
    cr_expect_eq(exo__read_input(path, "t.csv", &got, &len, &err), EXO_OK,
                 "%s", err.msg);
    exo__free(got);
    unsetenv("EXODUS_MAX_INPUT");
    cr_expect_eq(exo__input_max(), (size_t)1 << 30);
    unlink(path);
}

/* The library's setting (the CLI's --max-input) wins over the environment
 * and 0 hands the choice back to it. */
Test(input, limit_set_overrides_environment)
{
    char *got;
    size_t len;
    exo_err err = {0};
    const char *path = temp_file("0123456789\n", 11);
    setenv("EXODUS_MAX_INPUT", "1k", 1);
    exo_input_limit_set(10);
    cr_expect_eq(exo_input_limit(), 10);
    cr_expect_eq(exo__read_input(path, "t.csv", &got, &len, &err), EXO_EDATA);
    cr_expect(strstr(err.msg, "--max-input SIZE"), "%s", err.msg);
    cr_expect_eq(err.column, 11);
    exo_input_limit_set(0);
    cr_expect_eq(exo_input_limit(), 1024);
    exo_err_clear(&err);
    cr_expect_eq(exo__read_input(path, "t.csv", &got, &len, &err), EXO_OK,
                 "%s", err.msg);
    exo__free(got);
    unsetenv("EXODUS_MAX_INPUT");
    unlink(path);
}

/* Both of the table's paths (plain text split in place, and quoted text
 * through libcsv) reject a ragged row at the same place. */
Test(table, ragged_rows_rejected_on_both_paths)
{
    const char *names[] = {"t", "e"};
    const char *texts[] = {"t,e,g\n1,1,a\n2,0\n", "t,e,g\n1,1,\"a\"\n2,0\n",
                           "t,e,g\n1,1,a,x\n", "t,e,g\n1,1,\"a\",x\n"};
    const long column[] = {4, 4, 7, 9};
    for (int k = 0; k < 4; k++) {
        struct table t;
        exo_err err = {0};
        const char *path = temp_file(texts[k], strlen(texts[k]));
        cr_expect_eq(exo__table_load(path, names, 2, &t, &err), EXO_EDATA,
                     "text %d", k);
        cr_expect_eq(err.line, k < 2 ? 3 : 2, "text %d: line %ld", k, err.line);
        cr_expect_eq(err.column, column[k], "text %d: column %ld", k,
                     err.column);
        cr_expect(strstr(err.msg, k < 2 ? "row ends after 2 fields"
                                        : "row has 4 fields"),
                  "text %d: %s", k, err.msg);
        unlink(path);
    }
}
