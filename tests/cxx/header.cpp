// header.cpp - include/exodus.h promises that it compiles as C++ (its
// extern "C" guard). 'make test' compiles this file with g++ and, when it
// is installed, clang++ (-fsyntax-only), so a declaration only C accepts
// fails there and not in a user's build.
#include "exodus.h"

// Touches what C and C++ most often disagree on: array parameters, enum
// constants as values, and a zeroed result struct.
const char *exodus_cxx_check(void);
const char *exodus_cxx_check(void)
{
    static char date[11], usd[32];
    exo_err err = {};
    exo_date_format(0, date);
    exo_usd_format(1.0, usd);
    return err.code == EXO_OK ? exo_version() : exo_strerror(EXO_EINVAL);
}
