/*
 * expect.h - numeric assertions that print both numbers and the tolerance
 * (GSL's gsl_test_rel), and paths to the shared reference data.
 */
#ifndef EXO_TESTS_EXPECT_H
#define EXO_TESTS_EXPECT_H

#include <criterion/criterion.h>
#include <math.h>

/* NAN is a float constant; storing it in a double is an implicit promotion
 * that clang's -Wdouble-promotion reports. This is the same value as a
 * double. */
#define TEST_NAN ((double)NAN)
#define TEST_INF ((double)INFINITY)

/* Relative tolerance; an expected 0 is compared absolutely. */
#define expect_rel(actual, expected, rtol, what)                               \
    do {                                                                       \
        double a_ = (actual), e_ = (expected), t_ = (rtol);                    \
        double d_ = fabs(a_ - e_);                                             \
        double s_ = e_ == 0.0 ? 1.0 : fabs(e_);                                \
        cr_expect(d_ <= t_ * s_,                                               \
                  "%s: got %.17g, expected %.17g (rel err %.3g > %.1g)",       \
                  (what), a_, e_, d_ / s_, t_);                                \
    } while (0)

#define expect_abs(actual, expected, atol, what)                               \
    do {                                                                       \
        double a_ = (actual), e_ = (expected), t_ = (atol);                    \
        cr_expect(fabs(a_ - e_) <= t_,                                         \
                  "%s: got %.17g, expected %.17g (abs err %.3g > %.1g)",       \
                  (what), a_, e_, fabs(a_ - e_), t_);                          \
    } while (0)

/* Reference data beside the checkout (CI lays ../shared there too). */
#define SHARED_PATH(rel) EXO_SHARED_DIR "/" rel
#define SOURCE_PATH(rel) EXO_SOURCE_DIR "/" rel

#endif
