/*
 * test_csv.c - RFC 4180 reading through libcsv, with field locations.
 */
#include <stdio.h>
#include <string.h>

#include "expect.h"
#include "ingest/csv.h"

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
    cr_expect(strstr(err.msg, "malformed CSV"), "%s", err.msg);
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
