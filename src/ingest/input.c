/*
 * input.c - an input file read whole and checked. zlib's gzread is not
 * used: it reads a cut-short stream as a shorter file (the error is only
 * in gzerror, easily missed) and skips whatever follows the last member.
 * inflate is driven here instead, so that the stream must end with its
 * checksum and nothing but another gzip member may follow it.
 */
#include "ingest/input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/exo.h"
#include "core/utf8.h"

enum { CHUNK = 1 << 16 };

/* Set by exo_input_limit_set (the CLI's --max-input); 0: not set. */
static size_t input_limit;

void exo_input_limit_set(size_t bytes)
{
    input_limit = bytes;
}

size_t exo_input_limit(void)
{
    return exo__input_max();
}

size_t exo__input_max(void)
{
    if (input_limit)
        return input_limit;
    const char *s = getenv("EXODUS_MAX_INPUT");
    size_t def = (size_t)1 << 30, v;
    /* A malformed value keeps the default rather than lifting the cap. */
    return s && exo_input_size_parse(s, &v) ? v : def;
}

bool exo_input_size_parse(const char *text, size_t *bytes)
{
    char *end;
    unsigned shift = 0;
    /* strtoull would take a sign, blanks or "0x"; a size is digits only. */
    if (!text || text[0] < '0' || text[0] > '9')
        return false;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (*end == 'k' || *end == 'K')
        shift = 10, end++;
    else if (*end == 'M')
        shift = 20, end++;
    else if (*end == 'G')
        shift = 30, end++;
    if (errno || *end || v == 0 || v > (SIZE_MAX >> shift))
        return false;
    *bytes = (size_t)v << shift;
    return true;
}

void exo__text_location(const char *text, size_t offset, long *line,
                        long *column)
{
    size_t start = 0;
    *line = 1;
    /* text[offset] may be read: the text ends with a NUL after 'len'. */
    for (size_t i = 0; i < offset; i++)
        if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n')) {
            (*line)++;
            start = i + 1;
        }
    *column = (long)exo__utf8_chars(text + start, offset - start) + 1;
}

/* A wide encoding a byte order mark or the NUL bytes of the first
 * characters give away: its name, the byte order, and iconv's name. */
struct wide {
    const char *name, *order, *conv;
};

static bool wide_encoding(const unsigned char *t, size_t len, struct wide *w)
{
    static const struct wide mark32le = {"UTF-32",
                                         "little-endian with a "
                                         "byte order mark",
                                         "UTF-32"},
                             mark32be = {"UTF-32",
                                         "big-endian with a byte "
                                         "order mark",
                                         "UTF-32"},
                             mark16le = {"UTF-16",
                                         "little-endian with a "
                                         "byte order mark",
                                         "UTF-16"},
                             mark16be = {"UTF-16",
                                         "big-endian with a byte "
                                         "order mark",
                                         "UTF-16"},
                             bare16le = {"UTF-16", "little-endian", "UTF-16LE"},
                             bare16be = {"UTF-16", "big-endian", "UTF-16BE"};
    if (len >= 4 && t[0] == 0xFF && t[1] == 0xFE && !t[2] && !t[3])
        *w = mark32le;
    else if (len >= 4 && !t[0] && !t[1] && t[2] == 0xFE && t[3] == 0xFF)
        *w = mark32be;
    else if (len >= 2 && t[0] == 0xFF && t[1] == 0xFE)
        *w = mark16le;
    else if (len >= 2 && t[0] == 0xFE && t[1] == 0xFF)
        *w = mark16be;
    /* No mark: ASCII text in UTF-16 has a NUL beside every character. */
    else if (len >= 4 && t[0] && !t[1] && t[2] && !t[3])
        *w = bare16le;
    else if (len >= 4 && !t[0] && t[1] && !t[2] && t[3])
        *w = bare16be;
    else
        return false;
    return true;
}

exo_code exo__text_check(const char *text, size_t len, const char *name,
                         exo_err *err)
{
    struct wide w;
    if (wide_encoding((const unsigned char *)text, len, &w))
        return exo__fail_at(err, EXO_EDATA, name, 1, 1,
                            "the file is %s text, %s (expected UTF-8: "
                            "convert it with iconv -f %s -t UTF-8 '%s' > "
                            "NEW_FILE)",
                            w.name, w.order, w.conv, name);
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        long line, column;
        exo__text_location(text, (size_t)(nul - text), &line, &column);
        return exo__fail_at(err, EXO_EDATA, name, line, column,
                            "NUL byte (expected text, which never holds one)");
    }
    return EXO_OK;
}

/* Room for 'more' bytes and a terminator after 'n' in '*data'. */
static int reserve(char **data, size_t *cap, size_t n, size_t more)
{
    size_t need;
    if (__builtin_add_overflow(n, more + 1, &need))
        return -1;
    if (need <= *cap)
        return 0;
    size_t new_cap = *cap ? *cap : CHUNK;
    while (new_cap < need)
        if (__builtin_mul_overflow(new_cap, 2, &new_cap))
            return -1;
    char *p = exo__realloc(*data, new_cap);
    if (!p)
        return -1;
    *data = p;
    *cap = new_cap;
    return 0;
}

/* Reads up to 'size' bytes, retrying interrupted reads; -1 on error. */
static ssize_t read_some(int fd, void *buf, size_t size)
{
    ssize_t got;
    do
        got = read(fd, buf, size);
    while (got < 0 && errno == EINTR);
    return got;
}

struct reading {
    const char *path, *name;
    int fd;
    char *data; /* the text read so far */
    size_t n, cap, max;
    bool nul; /* a NUL byte was read: the text check will fail */
    exo_err *err;
};

/* Notes a NUL byte among the 'got' bytes just added, so that reading
 * stops there: /dev/zero fails at once instead of at the size cap. */
static bool saw_nul(struct reading *r, size_t got)
{
    if (memchr(r->data + r->n - got, '\0', got))
        r->nul = true;
    return r->nul;
}

/* Located where the cap was passed, like every other rejection. */
static exo_code too_big(struct reading *r)
{
    long line, column;
    r->data[r->max] = '\0';
    exo__text_location(r->data, r->max, &line, &column);
    return exo__fail_at(r->err, EXO_EDATA, r->name, line, column,
                        "the text goes on past %zu bytes (expected at most "
                        "that many; --max-input SIZE or EXODUS_MAX_INPUT=SIZE "
                        "raises the cap)",
                        r->max);
}

static exo_code read_error(struct reading *r)
{
    return exo__fail_errno(r->err, errno, "cannot read '%s'", r->path);
}

/* The rest of a plain file, after the 'have' bytes already in r->data. */
static exo_code read_plain(struct reading *r)
{
    for (;;) {
        /* grown only when full: a buffer sized to the file reads it and
         * then its end into the byte left over */
        if (r->cap - r->n - 1 == 0 && reserve(&r->data, &r->cap, r->n, CHUNK))
            return exo__fail(r->err, EXO_ENOMEM, "out of memory reading '%s'",
                             r->path);
        size_t room = r->cap - r->n - 1;
        if (room > r->max - r->n + 1)
            room = r->max - r->n + 1; /* one past the cap tells it is over */
        ssize_t got = read_some(r->fd, r->data + r->n, room);
        if (got < 0)
            return read_error(r);
        if (got == 0)
            return EXO_OK;
        r->n += (size_t)got;
        if (r->n > r->max)
            return too_big(r);
        if (saw_nul(r, (size_t)got))
            return EXO_OK;
    }
}

/* A gzip error located at the end of the text decompressed so far. */
static exo_code gzip_error(struct reading *r, const char *what)
{
    long line = 1, column = 1;
    if (r->data)
        exo__text_location(r->data, r->n, &line, &column);
    return exo__fail_at(r->err, EXO_EDATA, r->name, line, column, "%s", what);
}

#define TRUNCATED                                                              \
    "the gzip data ends early (expected the rest of the compressed data "      \
    "and its checksum: the file was cut short, or is still being written)"

/*
 * Decompresses gzip members from r->fd; 'in' holds the first 'have' bytes
 * read. Members may follow one another (RFC 1952 allows it, and 'cat
 * a.gz b.gz' makes it); anything else after a member is an error.
 */
static exo_code read_gzip(struct reading *r, unsigned char *in, size_t have)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
        return exo__fail(r->err, EXO_ENOMEM, "out of memory reading '%s'",
                         r->path);
    exo_code rc = EXO_OK;
    bool eof = false, member_done = false;
    zs.next_in = in;
    zs.avail_in = (uInt)have;
    for (;;) {
        if (zs.avail_in < 2 && !eof) {
            /* Keep what is left (a member's end may need the next byte to
             * tell whether another member follows) and read on. */
            memmove(in, zs.next_in, zs.avail_in);
            ssize_t got = read_some(r->fd, in + zs.avail_in, CHUNK - 2);
            if (got < 0) {
                rc = read_error(r);
                break;
            }
            eof = got == 0;
            zs.next_in = in;
            zs.avail_in += (uInt)got;
        }
        if (member_done) {
            if (zs.avail_in == 0 && eof)
                break; /* the stream ended with a member: all is well */
            if (zs.avail_in >= 2 && zs.next_in[0] == 0x1f &&
                zs.next_in[1] == 0x8b) {
                inflateReset(&zs);
                member_done = false;
                continue;
            }
            if (zs.avail_in < 2 && !eof)
                continue;
            rc = gzip_error(r, "bytes after the end of the gzip data "
                               "(expected the file to end with its "
                               "compressed data)");
            break;
        }
        if (zs.avail_in == 0 && eof) {
            rc = gzip_error(r, TRUNCATED);
            break;
        }
        if (reserve(&r->data, &r->cap, r->n, CHUNK)) {
            rc = exo__fail(r->err, EXO_ENOMEM, "out of memory reading '%s'",
                           r->path);
            break;
        }
        size_t room = r->cap - r->n - 1;
        if (room > r->max - r->n + 1)
            room = r->max - r->n + 1;
        if (room > UINT32_MAX)
            room = UINT32_MAX;
        zs.next_out = (unsigned char *)r->data + r->n;
        zs.avail_out = (uInt)room;
        uInt avail_in = zs.avail_in;
        int z = inflate(&zs, Z_NO_FLUSH);
        r->n += room - zs.avail_out;
        if (saw_nul(r, room - zs.avail_out))
            break;
        if (z == Z_BUF_ERROR && eof && zs.avail_in == avail_in) {
            rc = gzip_error(r, TRUNCATED); /* no input will come */
            break;
        }
        if (r->n > r->max) {
            rc = too_big(r);
            break;
        }
        if (z == Z_STREAM_END) {
            member_done = true;
        } else if (z == Z_MEM_ERROR) {
            rc = exo__fail(r->err, EXO_ENOMEM, "out of memory reading '%s'",
                           r->path);
            break;
        } else if (z == Z_DATA_ERROR || z == Z_NEED_DICT) {
            char what[200];
            snprintf(what, sizeof what,
                     "damaged gzip data: %s (expected gzip data as gzip "
                     "writes it)",
                     zs.msg ? zs.msg : "invalid data");
            rc = gzip_error(r, what);
            break;
        } else if (z != Z_OK && z != Z_BUF_ERROR) {
            rc = exo__bug(r->err, "unexpected inflate status");
            break;
        }
    }
    inflateEnd(&zs);
    return rc;
}

exo_code exo__read_input(const char *path, const char *name, char **out,
                         size_t *len, exo_err *err)
{
    struct reading r = {.path = path, .name = name, .err = err};
    unsigned char *in = NULL;
    exo_code rc;
    *out = NULL;
    *len = 0;
    r.max = exo__input_max();
    if (strcmp(path, "-") == 0)
        r.fd = STDIN_FILENO;
    else
        r.fd = open(path, O_RDONLY | O_CLOEXEC);
    if (r.fd < 0)
        return exo__fail_errno(err, errno, "cannot open '%s'", path);
    in = exo__malloc(CHUNK);
    if (!in) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory reading '%s'", path);
        goto out;
    }
    /* The first two bytes tell gzip from plain text. */
    size_t have = 0;
    while (have < 2) {
        ssize_t got = read_some(r.fd, in + have, CHUNK - have);
        if (got < 0) {
            rc = read_error(&r);
            goto out;
        }
        if (got == 0)
            break;
        have += (size_t)got;
    }
    if (have >= 2 && in[0] == 0x1f && in[1] == 0x8b) {
        rc = read_gzip(&r, in, have);
    } else {
        /* A regular file's size, when known, is room for all of it at
         * once (and a byte to find its end in): not grown and copied by
         * doubling, nor rounded up to a power of two, whose unused tail
         * the next arrays would take as fresh pages. Only a hint: the
         * loop below reads to the end whatever the size. */
        struct stat st;
        if (fstat(r.fd, &st) == 0 && S_ISREG(st.st_mode) &&
            (uintmax_t)st.st_size > have && (uintmax_t)st.st_size < r.max) {
            r.cap = (size_t)st.st_size + 2;
            r.data = exo__malloc(r.cap);
            if (!r.data)
                r.cap = 0;
        }
        if (reserve(&r.data, &r.cap, 0, have)) {
            rc = exo__fail(err, EXO_ENOMEM, "out of memory reading '%s'", path);
            goto out;
        }
        if (have)
            memcpy(r.data, in, have);
        r.n = have;
        rc = r.n > r.max         ? too_big(&r)
             : saw_nul(&r, have) ? EXO_OK
                                 : read_plain(&r);
    }
    if (rc == EXO_OK && !r.data && reserve(&r.data, &r.cap, 0, 0))
        rc = exo__fail(err, EXO_ENOMEM, "out of memory reading '%s'", path);
    if (rc == EXO_OK) {
        r.data[r.n] = '\0';
        rc = exo__text_check(r.data, r.n, name, err);
    }
out:
    exo__free(in);
    if (r.fd != STDIN_FILENO)
        close(r.fd);
    if (rc != EXO_OK) {
        exo__free(r.data);
        return rc;
    }
    *out = r.data;
    *len = r.n;
    return EXO_OK;
}

exo_code exo__read_file(const char *path, char **out, size_t *len, exo_err *err)
{
    return exo__read_input(path, path, out, len, err);
}
