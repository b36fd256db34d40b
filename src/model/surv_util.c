/*
 * surv_util.c - sorting, Cholesky (after survival's cholesky2, chsolve2,
 * chinv2) and input checks shared by km.c, logrank.c and cox.c.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "core/exo.h"

#include "model/surv_util.h"

static int key_cmp(const void *pa, const void *pb)
{
    const struct surv_key *a = pa, *b = pb;
    if (a->k1 != b->k1)
        return a->k1 < b->k1 ? -1 : 1;
    if (a->k2 != b->k2)
        return a->k2 < b->k2 ? -1 : 1;
    if (a->k3 != b->k3)
        return a->k3 < b->k3 ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int dbl_cmp(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : a > b;
}

static inline bool key_less(const struct surv_key *a, const struct surv_key *b)
{
    if (a->k1 != b->k1)
        return a->k1 < b->k1;
    if (a->k2 != b->k2)
        return a->k2 < b->k2;
    if (a->k3 != b->k3)
        return a->k3 < b->k3;
    return a->idx < b->idx;
}

/* Bottom-up merge sort with the comparison inlined; used below the size
 * where the radix sort pays for its histograms. */
static void merge_sort(struct surv_key *keys, size_t n, struct surv_key *tmp)
{
    /* insertion-sort runs of 16, then merge */
    const size_t run = 16;
    for (size_t lo = 0; lo < n; lo += run) {
        size_t hi = lo + run < n ? lo + run : n;
        for (size_t i = lo + 1; i < hi; i++) {
            struct surv_key v = keys[i];
            size_t j = i;
            while (j > lo && key_less(&v, &keys[j - 1])) {
                keys[j] = keys[j - 1];
                j--;
            }
            keys[j] = v;
        }
    }
    struct surv_key *src = keys, *dst = tmp;
    for (size_t width = run; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            if (mid == hi || !key_less(&src[mid], &src[mid - 1])) {
                memcpy(dst + lo, src + lo, (hi - lo) * sizeof *src);
                continue;
            }
            while (i < mid && j < hi)
                dst[k++] = key_less(&src[j], &src[i]) ? src[j++] : src[i++];
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        struct surv_key *t = src;
        src = dst;
        dst = t;
    }
    if (src != keys)
        memcpy(keys, src, n * sizeof *keys);
}

/* A double as an unsigned integer of the same order: -0 as +0, negative
 * numbers with every bit flipped, positive ones with the sign bit set. */
static inline uint64_t dbl_bits(double v)
{
    uint64_t u;
    if (v == 0)
        v = 0; /* -0 sorts as +0, as key_less has it */
    memcpy(&u, &v, sizeof u);
    return (u >> 63) ? ~u : u | ((uint64_t)1 << 63);
}

static inline uint64_t key_field(const struct surv_key *k, int f)
{
    switch (f) {
    case 0:
        return (uint64_t)k->idx;
    case 1:
        return dbl_bits(k->k3);
    case 2:
        return dbl_bits(k->k2);
    default:
        return dbl_bits(k->k1);
    }
}

/*
 * LSD radix sort, a byte at a time, from the least significant key (idx)
 * to the most (k1); each pass is stable, so the result is the order of
 * key_less. A first read finds the bytes that differ between keys, and
 * only those are counted and passed over: integer-day times, a constant
 * k3 and a single stratum take 2 or 3 passes instead of 32. NaN keys
 * (never given by the models) sort after +inf.
 */
static void radix_sort(struct surv_key *keys, size_t n, struct surv_key *tmp,
                       size_t (*hist)[256])
{
    bool idx_sorted = true;
    uint64_t first[4], diff[4] = {0, 0, 0, 0};
    for (int f = 0; f < 4; f++)
        first[f] = key_field(&keys[0], f);
    for (size_t i = 1; i < n; i++) {
        const struct surv_key *k = &keys[i];
        if (k->idx < keys[i - 1].idx)
            idx_sorted = false;
        for (int f = 0; f < 4; f++)
            diff[f] |= key_field(k, f) ^ first[f];
    }
    if (idx_sorted) /* idx values are distinct: ascending, no pass */
        diff[0] = 0;
    struct surv_key *src = keys, *dst = tmp;
    for (int f = 0; f < 4; f++) {
        if (diff[f] == 0)
            continue;
        int nb = 0, bytes[8];
        for (int b = 0; b < 8; b++)
            if ((diff[f] >> (8 * b)) & 0xff)
                bytes[nb++] = b;
        memset(hist, 0, (size_t)nb * sizeof *hist);
        for (size_t i = 0; i < n; i++) {
            uint64_t u = key_field(&src[i], f);
            for (int j = 0; j < nb; j++)
                hist[j][(u >> (8 * bytes[j])) & 0xff]++;
        }
        for (int j = 0; j < nb; j++) {
            int shift = 8 * bytes[j];
            size_t *h = hist[j], pos = 0;
            for (int d = 0; d < 256; d++) {
                size_t c = h[d];
                h[d] = pos;
                pos += c;
            }
            for (size_t i = 0; i < n; i++) {
                unsigned d = (unsigned)(key_field(&src[i], f) >> shift) & 0xffu;
                dst[h[d]++] = src[i];
            }
            struct surv_key *t = src;
            src = dst;
            dst = t;
        }
    }
    if (src != keys)
        memcpy(keys, src, n * sizeof *keys);
}

void exo__surv_sort_keys(struct surv_key *keys, size_t n)
{
    if (n < 2)
        return;
    /* scratch the sort fills before it reads: not zeroed */
    struct surv_key *tmp = exo__reallocarray(NULL, n, sizeof *tmp);
    if (!tmp) { /* no memory for the buffer: sort in place */
        exo__qsort(keys, n, sizeof *keys, key_cmp);
        return;
    }
    size_t(*hist)[256] = NULL;
    if (n >= 2048)
        hist = exo__calloc(8, sizeof *hist);
    if (hist)
        radix_sort(keys, n, tmp, hist);
    else
        merge_sort(keys, n, tmp);
    exo__free(hist);
    exo__free(tmp);
}

static inline double bits_dbl(uint64_t u)
{
    u = (u >> 63) ? u & ~((uint64_t)1 << 63) : ~u;
    double v;
    memcpy(&v, &u, sizeof v);
    return v;
}

void exo__surv_sort_doubles(double *v, size_t n)
{
    uint64_t *a = n >= 2048 ? exo__malloc(2 * n * sizeof *a) : NULL;
    if (!a) {
        exo__qsort(v, n, sizeof *v, dbl_cmp);
        return;
    }
    uint64_t *src = a, *dst = a + n, diff = 0;
    for (size_t i = 0; i < n; i++) {
        src[i] = dbl_bits(v[i]);
        diff |= src[i] ^ src[0];
    }
    for (int b = 0; b < 8; b++) {
        int shift = 8 * b;
        if (!((diff >> shift) & 0xff))
            continue;
        size_t h[256] = {0}, pos = 0;
        for (size_t i = 0; i < n; i++)
            h[(src[i] >> shift) & 0xff]++;
        for (int d = 0; d < 256; d++) {
            size_t c = h[d];
            h[d] = pos;
            pos += c;
        }
        for (size_t i = 0; i < n; i++)
            dst[h[(src[i] >> shift) & 0xff]++] = src[i];
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    for (size_t i = 0; i < n; i++)
        v[i] = bits_dbl(src[i]);
    exo__free(a);
}

int exo__chol(double *a, int p, double toler)
{
    double eps = 0;
    int rank = 0, nonneg = 1;
    for (int i = 0; i < p; i++) {
        if (a[i * p + i] > eps)
            eps = a[i * p + i];
        for (int j = i + 1; j < p; j++)
            a[j * p + i] = a[i * p + j];
    }
    eps = eps == 0 ? toler : eps * toler;
    for (int i = 0; i < p; i++) {
        double pivot = a[i * p + i];
        if (!isfinite(pivot) || pivot < eps) {
            a[i * p + i] = 0;
            if (pivot < -8 * eps)
                nonneg = -1;
        } else {
            rank++;
            for (int j = i + 1; j < p; j++) {
                double temp = a[j * p + i] / pivot;
                a[j * p + i] = temp;
                a[j * p + j] -= temp * temp * pivot;
                for (int k = j + 1; k < p; k++)
                    a[k * p + j] -= temp * a[k * p + i];
            }
        }
    }
    return rank * nonneg;
}

void exo__chol_solve(const double *a, int p, double *y)
{
    for (int i = 0; i < p; i++) {
        double temp = y[i];
        for (int j = 0; j < i; j++)
            temp -= y[j] * a[i * p + j];
        y[i] = temp;
    }
    for (int i = p - 1; i >= 0; i--) {
        if (a[i * p + i] == 0) {
            y[i] = 0;
        } else {
            double temp = y[i] / a[i * p + i];
            for (int j = i + 1; j < p; j++)
                temp -= y[j] * a[j * p + i];
            y[i] = temp;
        }
    }
}

void exo__chol_inverse(double *a, int p)
{
    /* Invert the Cholesky factor in the lower triangle. */
    for (int i = 0; i < p; i++) {
        if (a[i * p + i] > 0) {
            a[i * p + i] = 1 / a[i * p + i];
            for (int j = i + 1; j < p; j++) {
                a[j * p + i] = -a[j * p + i];
                for (int k = 0; k < i; k++)
                    a[j * p + k] += a[j * p + i] * a[i * p + k];
            }
        }
    }
    /* F'DF gives the inverse in the upper triangle. */
    for (int i = 0; i < p; i++) {
        if (a[i * p + i] == 0) {
            for (int j = 0; j < i; j++)
                a[j * p + i] = 0;
            for (int j = i; j < p; j++)
                a[i * p + j] = 0;
        } else {
            for (int j = i + 1; j < p; j++) {
                double temp = a[j * p + i] * a[j * p + j];
                a[i * p + j] = temp;
                for (int k = i; k < j; k++)
                    a[i * p + k] += temp * a[j * p + k];
            }
        }
    }
    for (int i = 0; i < p; i++)
        for (int j = 0; j < i; j++)
            a[i * p + j] = a[j * p + i];
}

exo_code exo__surv_check(size_t n, const double *start, const double *stop,
                         const int *event, exo_err *err)
{
    if (n > 0 && (!stop || !event))
        return exo__fail(err, EXO_EINVAL, "no times or events given");
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(stop[i]))
            return exo__fail(err, EXO_EINVAL,
                             "time of row %zu is not a finite number", i + 1);
        if (event[i] != 0 && event[i] != 1)
            return exo__fail(err, EXO_EINVAL,
                             "event of row %zu is %d (expected 0 or 1)", i + 1,
                             event[i]);
        if (start) {
            if (!isfinite(start[i]))
                return exo__fail(err, EXO_EINVAL,
                                 "start of row %zu is not a finite number",
                                 i + 1);
            if (!(start[i] < stop[i]))
                return exo__fail(err, EXO_EINVAL,
                                 "row %zu starts at %g, not before its stop "
                                 "%g (expected start < stop)",
                                 i + 1, start[i], stop[i]);
        }
    }
    return EXO_OK;
}

double exo__chisq_q(double x, double df)
{
    if (!(x >= 0) || df <= 0)
        return x >= 0 ? 1.0 : EXO_NAN;
    return gsl_cdf_chisq_Q(x, df);
}

double exo__norm_2sided(double z)
{
    return 2 * gsl_cdf_ugaussian_P(-fabs(z));
}

double exo__norm_quantile(double p)
{
    return gsl_cdf_ugaussian_Pinv(p);
}
