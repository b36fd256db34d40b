"""exodus: is this organisation in a talent death spiral?

Python over libexodus (the C library of the exodus tool): the store as
pandas DataFrames, every analysis of the exodus command with the same
numbers as its --json, and the models on your own DataFrames.

    import exodus
    st = exodus.Store("exodus-demo.db")       # read-only
    st.moves(), st.orgs(), st.spells(org)     # DataFrames (datetime64 dates,
                                              # categorical levels and events)
    r = st.spiral("OpenAI")                   # the fields of 'spiral --json'
    r.n, r.verdict["kind"]; r.summary; r.print_summary(); r.plot()
    st.stats(org), st.survival(org, cox="contagion(90)"), st.flows(),
    st.compare(["OpenAI", "Anthropic"], as_of="2024-08-06"),
    st.runway("scenario.json"), st.import_moves(df)

    exodus.spiral(dates_or_times)             # a Series of dates works
    exodus.km(df, "tenure", "left", by="team")
    exodus.cox(df, "Surv(tenure, left) ~ age + factor(team) + strata(site)")
    exodus.hawkes(times, window=(0, T))       # the Hawkes model alone

Results are dicts of the --json fields (also attributes) or dataclasses,
each with .summary (a DataFrame), .print_summary() and .plot(ax=None).
A failure inside the library raises ExodusError with the library's message
and location (file, line, column); a bad argument raises TypeError or
ValueError before the library is called.

The core needs only the standard library (ctypes); pandas, NumPy and
matplotlib are used when installed (DataFrames, plots). The shared
library is found, in this order, at $EXODUS_LIBRARY, in the wheel
(exodus/_lib, what pip install ./python bundles), beside an installed
module (PREFIX/lib), in a source tree's build/ folder, and by the dynamic
loader's own search (libexodus.so.0). The analyses that the library has no
JSON writer for run the exodus command (exodus.run); see docs/python.md.
"""

import ctypes
import json
import re
import ctypes.util
import math
import numbers
import os
import warnings
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

__all__ = [
    "ExodusError", "ExodusWarning", "HawkesFit", "Forecast", "KMCurve",
    "KaplanMeier", "LogRank", "Cox", "spiral", "hawkes", "spread_ties", "km",
    "logrank", "cox", "version", "library_path",
]

# ==== The C declarations: these mirror include/exodus.h field for field ====

c_bool, c_int, c_long, c_double, c_size_t = (
    ctypes.c_bool, ctypes.c_int, ctypes.c_long, ctypes.c_double,
    ctypes.c_size_t)
c_enum = ctypes.c_int  # every exodus enum is an int-sized C enum
P = ctypes.POINTER

HAWKES_MAX_REGIMES = 16  # EXO_HAWKES_MAX_REGIMES


class _Err(ctypes.Structure):
    _fields_ = [
        ("code", c_enum),
        ("sys", c_int),
        ("line", c_long),
        ("column", c_long),
        ("file", ctypes.c_char * 256),
        ("msg", ctypes.c_char * 256),
    ]


class _Hooks(ctypes.Structure):
    _fields_ = [
        ("warn", ctypes.c_void_p),
        ("progress", ctypes.c_void_p),
        ("ud", ctypes.c_void_p),
    ]


class _HawkesOpts(ctypes.Structure):
    _fields_ = [
        ("has_window", c_bool),
        ("t_start", c_double),
        ("t_end", c_double),
        ("breaks", P(c_double)),
        ("n_breaks", c_size_t),
        ("fixed_beta", c_double),
        ("min_beta", c_double),
        ("level", c_double),
        ("no_profile", c_bool),
        ("no_gof", c_bool),
        ("hooks", _Hooks),
        ("weight_times", P(c_double)),
        ("weights", P(c_double)),
        ("n_weights", c_size_t),
        ("pair_decay", c_bool),
        ("start", P(c_double)),
    ]


_P2 = (HAWKES_MAX_REGIMES + 2) * (HAWKES_MAX_REGIMES + 2)


class _Hawkes(ctypes.Structure):
    _fields_ = [
        ("n_events", c_size_t),
        ("t_start", c_double),
        ("t_end", c_double),
        ("n_regimes", c_size_t),
        ("regime_start", c_double * HAWKES_MAX_REGIMES),
        ("regime_events", c_size_t * HAWKES_MAX_REGIMES),
        ("mu", c_double * HAWKES_MAX_REGIMES),
        ("mu_se", c_double * HAWKES_MAX_REGIMES),
        ("alpha", c_double),
        ("alpha_se", c_double),
        ("beta", c_double),
        ("beta_se", c_double),
        ("n", c_double),
        ("n_se", c_double),
        ("level", c_double),
        ("n_wald_lo", c_double),
        ("n_wald_hi", c_double),
        ("has_profile", c_bool),
        ("n_prof_lo", c_double),
        ("n_prof_hi", c_double),
        ("loglik", c_double),
        ("loglik_poisson", c_double),
        ("lr", c_double),
        ("lr_p", c_double),
        ("has_gof", c_bool),
        ("ks_d", c_double),
        ("ks_p", c_double),
        ("ks_d_poisson", c_double),
        ("ks_p_poisson", c_double),
        ("excitation_end", c_double),
        ("cov", c_double * _P2),
        ("fixed_decay", c_bool),
        ("at_boundary", c_bool),
        ("decay_at_limit", c_bool),
        ("converged", c_bool),
        ("iterations", c_int),
        ("grad_norm", c_double),
        ("n_starts", c_int),
        ("weighted", c_bool),
        ("exposure", c_double * HAWKES_MAX_REGIMES),
        ("weight_end", c_double),
    ]


class _Forecast(ctypes.Structure):
    _fields_ = [
        ("horizon", c_double),
        ("n_paths", c_size_t),
        ("seed", ctypes.c_uint64),
        ("mean", c_double),
        ("median", c_double),
        ("lo80", c_double),
        ("hi80", c_double),
        ("lo95", c_double),
        ("hi95", c_double),
        ("n_capped", c_size_t),
    ]


class _Filter(ctypes.Structure):
    _fields_ = [
        ("has_since", c_bool),
        ("has_until", c_bool),
        ("since", ctypes.c_int32),
        ("until", ctypes.c_int32),
        ("level_mask", ctypes.c_uint),
        ("with_leave", c_bool),
    ]


class _SpiralOpts(ctypes.Structure):
    _fields_ = [
        ("filter", _Filter),
        ("baseline", c_enum),
        ("per_head", c_bool),
        ("breaks", P(c_double)),
        ("n_breaks", c_size_t),
        ("fixed_beta", c_double),
        ("horizon", c_double),
        ("paths", c_size_t),
        ("bootstrap", c_size_t),
        ("imputations", c_size_t),
        ("exact_limit", c_size_t),
        ("asymptotic", c_bool),
        ("ties_exact", c_bool),
        ("seed", ctypes.c_uint64),
        ("level", c_double),
        ("trend_bins", c_size_t),
        ("mass_events", c_enum),
        ("counted", c_bool),
    ]


class _EventStream(ctypes.Structure):
    _fields_ = [
        ("times", P(c_double)),
        ("widths", P(c_double)),
        ("n", c_size_t),
        ("dates", c_bool),
        ("has_window", c_bool),
        ("start", c_double),
        ("end", c_double),
    ]


class _KMOpts(ctypes.Structure):
    _fields_ = [
        ("ci", c_enum),
        ("conf_level", c_double),
    ]


class _KMCurve(ctypes.Structure):
    _fields_ = [
        ("n", c_size_t),
        ("n_events", c_size_t),
        ("n_times", c_size_t),
        ("time", P(c_double)),
        ("n_risk", P(c_double)),
        ("n_event", P(c_double)),
        ("n_censor", P(c_double)),
        ("surv", P(c_double)),
        ("std_err", P(c_double)),
        ("lower", P(c_double)),
        ("upper", P(c_double)),
        ("cumhaz", P(c_double)),
        ("std_chaz", P(c_double)),
        ("median", c_double),
        ("median_lower", c_double),
        ("median_upper", c_double),
    ]


class _KM(ctypes.Structure):
    _fields_ = [
        ("ci", c_enum),
        ("conf_level", c_double),
        ("n_groups", c_size_t),
        ("curves", P(_KMCurve)),
    ]


class _LogRank(ctypes.Structure):
    _fields_ = [
        ("n_groups", c_size_t),
        ("rho", c_double),
        ("n", P(c_double)),
        ("observed", P(c_double)),
        ("expected", P(c_double)),
        ("var", P(c_double)),
        ("chisq", c_double),
        ("df", c_int),
        ("p_value", c_double),
    ]


class _CoxOpts(ctypes.Structure):
    _fields_ = [
        ("ties", c_enum),
        ("eps", c_double),
        ("iter_max", c_int),
        ("toler_chol", c_double),
        ("toler_inf", c_double),
        ("conf_level", c_double),
        ("no_concordance", c_bool),
        ("names", P(ctypes.c_char_p)),
    ]


class _Cox(ctypes.Structure):
    _fields_ = [
        ("n", c_size_t),
        ("n_events", c_size_t),
        ("n_missing", c_size_t),
        ("p", c_size_t),
        ("coef", P(c_double)),
        ("se", P(c_double)),
        ("z", P(c_double)),
        ("p_value", P(c_double)),
        ("hr", P(c_double)),
        ("hr_lower", P(c_double)),
        ("hr_upper", P(c_double)),
        ("var", P(c_double)),
        ("means", P(c_double)),
        ("loglik_null", c_double),
        ("loglik", c_double),
        ("lr_test", c_double),
        ("lr_p", c_double),
        ("wald_test", c_double),
        ("wald_p", c_double),
        ("score_test", c_double),
        ("score_p", c_double),
        ("df", c_int),
        ("iterations", c_int),
        ("converged", c_bool),
        ("has_concordance", c_bool),
        ("concordant", c_double),
        ("discordant", c_double),
        ("tied_x", c_double),
        ("tied_y", c_double),
        ("tied_xy", c_double),
        ("concordance", c_double),
        ("concordance_se", c_double),
    ]


# The structs above by their C names, for the layout test (tests/python).
STRUCTS = {
    "exo_err": _Err,
    "exo_hooks": _Hooks,
    "exo_hawkes_opts": _HawkesOpts,
    "exo_hawkes": _Hawkes,
    "exo_forecast": _Forecast,
    "exo_filter": _Filter,
    "exo_spiral_opts": _SpiralOpts,
    "exo_event_stream": _EventStream,
    "exo_km_opts": _KMOpts,
    "exo_km_curve": _KMCurve,
    "exo_km": _KM,
    "exo_logrank": _LogRank,
    "exo_cox_opts": _CoxOpts,
    "exo_cox": _Cox,
}

_CI = {"log": 0, "log-log": 1, "plain": 2}  # exo_ci_type
_TIES = {"efron": 0, "breslow": 1}          # exo_ties
_CODE_NAMES = ["EXO_OK", "EXO_ENOMEM", "EXO_EINVAL", "EXO_EDATA",
               "EXO_ENOENT", "EXO_EIO", "EXO_ESTORE", "EXO_ENOTFOUND",
               "EXO_ENUMERIC", "EXO_ECANCELED", "EXO_EINTERNAL"]
_BASELINES = {"trend": 0, "constant": 1, "regimes": 2}  # exo_baseline
_LEVELS = ["", "founder", "exec", "lead", "ic", "board"]  # exo_level


# ==== Loading the library ====

def _candidates():
    env = os.environ.get("EXODUS_LIBRARY")
    if env:
        yield env
    here = os.path.dirname(os.path.abspath(__file__))
    # A wheel built by python/_build (pip install ./python, make python)
    # bundles the library it was built beside.
    bundled = os.path.join(here, "_lib")
    if os.path.isdir(bundled):
        for f in sorted(os.listdir(bundled)):
            if f.startswith("libexodus.so."):
                yield os.path.join(bundled, f)
    # PREFIX/lib/pythonX.Y/dist-packages/exodus -> PREFIX/lib
    yield os.path.normpath(os.path.join(here, "..", "..", "..",
                                        "libexodus.so.0"))
    # A source tree: python/exodus -> build/
    yield os.path.normpath(os.path.join(here, "..", "..", "build",
                                        "libexodus.so.0"))
    yield "libexodus.so.0"
    found = ctypes.util.find_library("exodus")
    if found:
        yield found


def _load():
    tried = []
    for name in _candidates():
        if os.sep in name and not os.path.exists(name):
            tried.append(name + " (no such file)")
            continue
        try:
            return ctypes.CDLL(name), name
        except OSError as e:
            tried.append("%s (%s)" % (name, e))
    raise ImportError("exodus: cannot load libexodus: tried "
                      + "; ".join(tried)
                      + ". Set EXODUS_LIBRARY to the library's path.")


_lib, library_path = _load()


def _fn(name, restype, *argtypes):
    f = getattr(_lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


PE = P(_Err)
_exo_version = _fn("exo_version", ctypes.c_char_p)
_exo_strerror = _fn("exo_strerror", ctypes.c_char_p, c_enum)
_exo_err_format = _fn("exo_err_format", c_size_t, PE, ctypes.c_char_p,
                      c_size_t)
_exo_hawkes_opts_init = _fn("exo_hawkes_opts_init", None, P(_HawkesOpts))
_exo_hawkes_fit = _fn("exo_hawkes_fit", c_enum, P(c_double), c_size_t,
                      P(_HawkesOpts), P(_Hawkes), PE)
_exo_hawkes_spread_ties = _fn("exo_hawkes_spread_ties", c_enum, P(c_double),
                              P(c_double), c_size_t, ctypes.c_uint64, PE)
_exo_hawkes_forecast = _fn("exo_hawkes_forecast", c_enum, P(_Hawkes),
                           c_double, c_size_t, ctypes.c_uint64, P(_Forecast),
                           PE)
_exo_spiral_opts_init = _fn("exo_spiral_opts_init", None, P(_SpiralOpts))
_exo_spiral_analyze_stream = _fn("exo_spiral_analyze_stream", c_enum,
                                 P(_EventStream), P(_SpiralOpts),
                                 P(ctypes.c_void_p), PE)
_exo_spiral_json = _fn("exo_spiral_json", ctypes.c_void_p, ctypes.c_void_p)
_exo_spiral_release = _fn("exo_spiral_release", None, ctypes.c_void_p)
_exo_free = _fn("exo_free", None, ctypes.c_void_p)


class _Date(ctypes.Structure):
    _fields_ = [("days", ctypes.c_int32), ("precision", c_enum)]


_exo_date_parse = _fn("exo_date_parse", c_enum, ctypes.c_char_p, P(_Date),
                      P(_Err))
_exo_km_fit = _fn("exo_km_fit", c_enum, c_size_t, P(c_double), P(c_double),
                  P(c_int), P(c_int), c_size_t, P(_KMOpts), P(_KM), PE)
_exo_km_release = _fn("exo_km_release", None, P(_KM))
_exo_logrank_test = _fn("exo_logrank_test", c_enum, c_size_t, P(c_double),
                        P(c_int), P(c_int), c_size_t, P(c_int), c_double,
                        P(_LogRank), PE)
_exo_logrank_release = _fn("exo_logrank_release", None, P(_LogRank))
_exo_cox_fit = _fn("exo_cox_fit", c_enum, c_size_t, c_size_t, P(c_double),
                   P(c_double), P(c_int), P(c_double), P(c_int), P(_CoxOpts),
                   P(_Cox), PE)
_exo_cox_release = _fn("exo_cox_release", None, P(_Cox))


def version():
    """The library's version, "MAJOR.MINOR.PATCH" as exodus.h defines it
    (also exodus.__version__)."""
    return _exo_version().decode()


__version__ = version()


# ==== Errors ====

class ExodusError(Exception):
    """A failure reported by libexodus, with its exo_err fields.

    code is the exo_code number and code_name its C name ("EXO_ENUMERIC");
    message is the library's text; file, line and column locate an input
    error when the library knows them (else "", 0, 0). str() of the
    exception is the whole formatted message.
    """

    def __init__(self, err):
        buf = ctypes.create_string_buffer(600)
        _exo_err_format(ctypes.byref(err), buf, len(buf))
        text = buf.value.decode("utf-8", "replace")
        super().__init__(text or _exo_strerror(err.code).decode())
        self.code = int(err.code)
        self.code_name = (_CODE_NAMES[self.code]
                          if 0 <= self.code < len(_CODE_NAMES) else "?")
        self.message = err.msg.decode("utf-8", "replace")
        self.file = err.file.decode("utf-8", "replace")
        self.line = int(err.line)
        self.column = int(err.column)
        self.status = None
        self.errors = []

    @classmethod
    def from_text(cls, text, file="", line=0, column=0, status=None):
        """The error of an exodus command: its message on standard error
        (the location parsed from it) and its exit status."""
        e = cls.__new__(cls)
        Exception.__init__(e, text)
        e.code, e.code_name, e.message = -1, "command", text
        e.file, e.line, e.column = file, line, column
        e.status, e.errors = status, []
        return e

    def relocate(self, path, name, line_offset, columns=None):
        """Names 'name' instead of the file 'path' (a temporary CSV file
        written from a DataFrame): the header line becomes line 0, data
        line L becomes row L + line_offset (the 0-based position df.iloc
        takes), and the column number the column's name in 'columns'."""
        base = os.path.basename(path)
        self.message = self.message.replace("'%s'" % base, name)
        here = os.path.basename(self.file) == base if self.file else True
        if not here:
            return
        self.file = name
        where = name
        if self.line == 1:
            self.line, self.column = 0, 0
            where += " columns"
        elif self.line:
            self.line += line_offset
            where += " row %d" % self.line
            if columns is not None and 0 < self.column <= len(columns):
                where += ", column %r" % (columns[self.column - 1],)
        self.args = ("%s: %s" % (where, self.message),)


class ExodusWarning(UserWarning):
    """A result to use with care (a Cox fit that did not converge, ...)."""


def _check(code, err):
    if code != 0:
        raise ExodusError(err)


# ==== Converting arguments ====

def _as_list(seq, what):
    if isinstance(seq, (str, bytes)):
        raise TypeError("%s: expected a sequence of numbers, not %s"
                        % (what, type(seq).__name__))
    try:
        return list(seq)
    except TypeError:
        raise TypeError("%s: expected a sequence of numbers, not %s"
                        % (what, type(seq).__name__)) from None


def _doubles(seq, what, missing_ok=False):
    """A ctypes double array from any sequence of numbers; (array, n).

    A contiguous buffer of C doubles (a NumPy float64 array, array('d'))
    is copied in one step; anything else is read number by number. With
    'missing_ok', None stands for a missing value (NaN).
    """
    try:
        mv = memoryview(seq)
    except TypeError:
        mv = None
    if (mv is not None and mv.ndim == 1 and mv.c_contiguous
            and mv.format in ("d", "<d", "=d", "@d") and mv.itemsize == 8
            and ctypes.sizeof(c_double) == 8):
        n = mv.shape[0]
        arr = (c_double * max(n, 1))()
        if n:
            ctypes.memmove(arr, mv.tobytes(), 8 * n)
        return arr, n
    values = _as_list(seq, what)
    out = (c_double * max(len(values), 1))()
    for i, v in enumerate(values):
        if v is None and missing_ok:
            out[i] = math.nan
            continue
        if isinstance(v, (bool, str, bytes)) or v is None:
            raise TypeError("%s[%d]: %r is not a number" % (what, i, v))
        try:
            out[i] = float(v)
        except (TypeError, ValueError):
            raise TypeError("%s[%d]: %r is not a number"
                            % (what, i, v)) from None
    return out, len(values)


def _events(seq, n, what="event"):
    values = _as_list(seq, what)
    if len(values) != n:
        raise ValueError("%s has %d values, time has %d"
                         % (what, len(values), n))
    out = (c_int * max(n, 1))()
    # As R's Surv and 'exodus survival --data': 0/1 (or False/True), or
    # 1/2 (1 censored, 2 event) when no value is 0 and some value is 2.
    distinct = {v for v in values if not isinstance(v, str)
                and v in (0, 1, 2)}
    one_two = 2 in distinct and 0 not in distinct
    allowed = (1, 2) if one_two else (0, 1)
    for i, v in enumerate(values):
        if not isinstance(v, str) and v in allowed:
            out[i] = int(v) - 1 if one_two else int(v)
        else:
            raise ValueError("%s[%d]: %r is not 0/1 (False/True) or 1/2"
                             % (what, i, v))
    return out


def _labels(seq, n, what):
    """Indices for any labels (numbers or strings): sorted distinct labels
    get 0, 1, ...; None leaves the row out (-1)."""
    values = _as_list(seq, what)
    if len(values) != n:
        raise ValueError("%s has %d values, time has %d"
                         % (what, len(values), n))
    keys = [v.item() if hasattr(v, "item") else v for v in values]
    distinct = sorted({k for k in keys if k is not None},
                      key=lambda k: (isinstance(k, str), k))
    index = {k: i for i, k in enumerate(distinct)}
    out = (c_int * max(n, 1))()
    for i, k in enumerate(keys):
        out[i] = -1 if k is None else index[k]
    return out, distinct


def _same_length(arr_n, n, what):
    if arr_n != n:
        raise ValueError("%s has %d values, time has %d" % (what, arr_n, n))


def _list(ptr, n):
    return [ptr[i] for i in range(n)] if n else []


def _or_none(x):
    return None if math.isnan(x) else x


# ==== Hawkes: the spiral model ====

@dataclass
class Forecast:
    """Events expected in (t_end, t_end + horizon] by simulation."""
    horizon: float
    n_paths: int
    seed: int
    mean: float
    median: float
    interval80: Tuple[float, float]
    interval95: Tuple[float, float]
    n_capped: int


@dataclass
class HawkesFit:
    """A fitted exponential-kernel Hawkes process (exo_hawkes).

    Rates are per unit of the times given (days for dates). n = alpha/beta
    is the branching ratio: the further events one event triggers. The
    intervals are at 'level'; n_profile is None when it was not computed.
    The model alone: spiral() gives the answer with its verdict.
    """
    n_events: int
    window: Tuple[float, float]
    regime_start: List[float]
    regime_events: List[int]
    mu: List[float]
    mu_se: List[float]
    alpha: float
    alpha_se: float
    beta: float
    beta_se: float
    n: float
    n_se: float
    level: float
    n_wald: Tuple[float, float]
    n_profile: Optional[Tuple[float, float]]
    loglik: float
    loglik_poisson: float
    lr: float
    lr_p: float
    ks_p: Optional[float]
    ks_p_poisson: Optional[float]
    excitation_end: float
    cov: List[List[float]]
    fixed_decay: bool
    at_boundary: bool
    decay_at_limit: bool
    converged: bool
    iterations: int
    grad_norm: float
    forecast: Optional[Forecast] = None


def spread_ties(times, widths, seed=1):
    """Spreads each time uniformly over [t, t + width) (its date's
    precision: 1 day, the month, the year) with a fixed seed, and sorts.
    Dates recorded to the day tie; exact ties make the Hawkes likelihood
    unbounded, so spread them before spiral() (or fix the decay)."""
    t, n = _doubles(times, "times")
    w, nw = _doubles(widths, "widths")
    _same_length(nw, n, "widths")
    err = _Err()
    _check(_exo_hawkes_spread_ties(t, w, n, seed, ctypes.byref(err)), err)
    return _list(t, n)


def hawkes(times, window=None, breaks=(), fixed_beta=None, level=0.95,
           profile=True, gof=True, horizon=None, paths=10000, seed=1):
    """Fits the Hawkes self-exciting model to event 'times' (any order):
    the model alone, as exo_hawkes_fit computes it. For the answer to "is
    this a spiral?" (trend, test, imputations, verdict) call spiral().

    window: (t_start, t_end), the observation window; default the span of
    the events. breaks: times where the baseline changes (a regime). With
    fixed_beta the decay is held there. horizon: also forecast the events
    in the next 'horizon' time units from 'paths' simulated paths.
    Returns a HawkesFit; raises ExodusError when there is no estimate
    (too few events, exact ties with a free decay, ...).
    """
    t, n = _doubles(times, "times")
    t[:n] = sorted(t[:n])
    opts = _HawkesOpts()
    _exo_hawkes_opts_init(ctypes.byref(opts))
    if window is not None:
        if len(window) != 2:
            raise ValueError("window: expected (t_start, t_end)")
        opts.has_window = True
        opts.t_start, opts.t_end = float(window[0]), float(window[1])
    brk, nb = _doubles(list(breaks), "breaks")
    if nb:
        opts.breaks = brk
        opts.n_breaks = nb
    if fixed_beta is not None:
        opts.fixed_beta = float(fixed_beta)
    opts.level = float(level)
    opts.no_profile = not profile
    opts.no_gof = not gof
    fit = _Hawkes()
    err = _Err()
    _check(_exo_hawkes_fit(t, n, ctypes.byref(opts), ctypes.byref(fit),
                           ctypes.byref(err)), err)
    fc = None
    fc_c = None
    if horizon is not None and (fit.converged or fit.at_boundary):
        fc_c = _Forecast()
        _check(_exo_hawkes_forecast(ctypes.byref(fit), float(horizon),
                                    int(paths), int(seed),
                                    ctypes.byref(fc_c), ctypes.byref(err)),
               err)
        fc = Forecast(fc_c.horizon, fc_c.n_paths, fc_c.seed, fc_c.mean,
                      fc_c.median, (fc_c.lo80, fc_c.hi80),
                      (fc_c.lo95, fc_c.hi95), fc_c.n_capped)
    k = fit.n_regimes
    dim = k + 2
    # cov is (mu_0..mu_{K-1}, alpha, beta), row major, P = K + 2 wide.
    cov = [[fit.cov[i * dim + j] for j in range(dim)] for i in range(dim)]
    return HawkesFit(
        n_events=fit.n_events,
        window=(fit.t_start, fit.t_end),
        regime_start=list(fit.regime_start[:k]),
        regime_events=list(fit.regime_events[:k]),
        mu=list(fit.mu[:k]),
        mu_se=list(fit.mu_se[:k]),
        alpha=fit.alpha, alpha_se=fit.alpha_se,
        beta=fit.beta, beta_se=fit.beta_se,
        n=fit.n, n_se=fit.n_se, level=fit.level,
        n_wald=(fit.n_wald_lo, fit.n_wald_hi),
        n_profile=((fit.n_prof_lo, fit.n_prof_hi) if fit.has_profile
                   else None),
        loglik=fit.loglik, loglik_poisson=fit.loglik_poisson,
        lr=fit.lr, lr_p=fit.lr_p,
        ks_p=fit.ks_p if fit.has_gof else None,
        ks_p_poisson=fit.ks_p_poisson if fit.has_gof else None,
        excitation_end=fit.excitation_end,
        cov=cov,
        fixed_decay=fit.fixed_decay, at_boundary=fit.at_boundary,
        decay_at_limit=fit.decay_at_limit, converged=fit.converged,
        iterations=fit.iterations, grad_norm=fit.grad_norm,
        forecast=fc,
    )


def spiral(times, widths=None, window=None, dates=False, baseline="trend",
           breaks=(), fixed_beta=None, horizon=None, paths=10000,
           bootstrap=0, imputations=0, asymptotic=False, ties_exact=False,
           seed=1, level=0.95):
    """Is the process that made these event times feeding on itself?

    The same analysis as 'exodus spiral --events' (exo_spiral_analyze_
    stream): a trend-only model and a Hawkes model with that trend, the
    test of no contagion by parametric bootstrap, imputations of imprecise
    times, a forecast with parameter uncertainty and a verdict that can be
    "inconclusive". Returns a SpiralResult: a dict with exactly the
    fields of 'exodus spiral --json' (also as attributes: .n, .verdict),
    with .summary, .print_summary() and .plot().

    times: numbers (any unit), or dates: a pandas Series or Index of
    datetime64, datetime.date objects, or ISO date strings whose
    precision sets each width ("2024-05-17" a day, "2024-05" the month,
    "2024" the year), as 'exodus import' reads dates. Dates are analysed
    in days since 1970-01-01 (dates=True is then implied).

    widths: how precisely each time is known (it lies in [t, t + w));
    dates: the times are days since 1970-01-01 (a date known to the month
    has the month's length as its width). window: (start, end), numbers
    or dates. baseline: "trend" (default), "constant", or "regimes" with
    'breaks'. bootstrap, imputations: 0 for the library's defaults (199
    and 20). With too few events the verdict is "insufficient data" and
    n is 0 by construction, not an estimate: read .verdict first.
    """
    conv = _as_days(times)
    if conv is not None:
        times, w = conv
        if widths is None:
            widths = w
        dates = True
        if window is not None:
            window = tuple(_as_days([x])[0][0] if not isinstance(
                x, numbers.Real) else x for x in window)
    t, n = _doubles(times, "times")
    ev = _EventStream()
    ev.times = t
    ev.n = n
    if widths is not None:
        w, nw = _doubles(widths, "widths")
        _same_length(nw, n, "widths")
        ev.widths = w
    ev.dates = bool(dates)
    if window is not None:
        if len(window) != 2:
            raise ValueError("window: expected (start, end)")
        ev.has_window = True
        ev.start, ev.end = float(window[0]), float(window[1])
    opts = _SpiralOpts()
    _exo_spiral_opts_init(ctypes.byref(opts))
    if baseline not in _BASELINES:
        raise ValueError("baseline: expected one of "
                         + ", ".join(sorted(_BASELINES)))
    opts.baseline = _BASELINES[baseline]
    brk, nb = _doubles(list(breaks), "breaks")
    if nb:
        if baseline != "regimes":
            raise ValueError("breaks go with baseline='regimes'")
        opts.breaks = brk
        opts.n_breaks = nb
    if fixed_beta is not None:
        opts.fixed_beta = float(fixed_beta)
    if horizon is not None:
        opts.horizon = float(horizon)
    opts.paths = int(paths)
    opts.bootstrap = int(bootstrap)
    opts.imputations = int(imputations)
    opts.asymptotic = bool(asymptotic)
    opts.ties_exact = bool(ties_exact)
    opts.seed = int(seed)
    opts.level = float(level)
    out = ctypes.c_void_p()
    err = _Err()
    _check(_exo_spiral_analyze_stream(ctypes.byref(ev), ctypes.byref(opts),
                                      ctypes.byref(out), ctypes.byref(err)),
           err)
    try:
        text = _exo_spiral_json(out)
        if not text:
            raise MemoryError("exodus: out of memory writing the answer")
        try:
            res = SpiralResult(json.loads(
                ctypes.string_at(text).decode("utf-8")))
        finally:
            _exo_free(text)
    finally:
        _exo_spiral_release(out)
    res.times = [t[i] for i in range(n)]
    res.dates = bool(dates)
    return res


def _month_days(year, month):
    import calendar
    return calendar.monthrange(year, month)[1]


def _as_days(values):
    """(days since 1970-01-01, widths) when 'values' are dates: datetime64
    (pandas or NumPy), date/datetime objects or ISO strings; None when
    they are numbers."""
    import datetime
    dtype = str(getattr(values, "dtype", ""))
    if dtype.startswith("datetime64"):
        ns = [int(v) for v in values.astype("datetime64[ns]").astype("int64")]
        return [v / 86400e9 for v in ns], [1.0] * len(ns)
    if isinstance(values, (str, bytes)):
        return None
    try:
        seq = list(values)
    except TypeError:
        return None
    if not seq or not all(isinstance(v, (str, datetime.date)) for v in seq):
        return None
    days, widths = [], []
    for i, v in enumerate(seq):
        if isinstance(v, datetime.datetime):
            secs = (v - datetime.datetime(1970, 1, 1, tzinfo=v.tzinfo))
            days.append(secs.total_seconds() / 86400.0)
            widths.append(1.0)
            continue
        if isinstance(v, datetime.date):
            days.append(float(v.toordinal() - 719163))
            widths.append(1.0)
            continue
        d = _Date()
        err = _Err()
        code = _exo_date_parse(v.encode(), ctypes.byref(d), ctypes.byref(err))
        if code != 0:
            e = ExodusError(err)
            e.args = ("times[%d]: %s" % (i, e.args[0]),)
            raise e
        days.append(float(d.days))
        y, m = int(v[:4]), int(v[5:7]) if d.precision == 1 else 0
        widths.append(1.0 if d.precision == 0 else
                      float(_month_days(y, m)) if d.precision == 1 else
                      (366.0 if _month_days(y, 2) == 29 else 365.0))
    return days, widths


# ==== Survival ====

@dataclass
class KMCurve:
    """One Kaplan-Meier curve, one entry per distinct time (R's survfit).

    std_err is Greenwood's standard error of -log S; lower/upper are the
    pointwise interval (None where S has reached 0); median and its
    interval are None when not reached.
    """
    group: Any
    n: int
    n_events: int
    time: List[float]
    n_risk: List[float]
    n_event: List[float]
    n_censor: List[float]
    surv: List[float]
    std_err: List[float]
    lower: List[Optional[float]]
    upper: List[Optional[float]]
    cumhaz: List[float]
    std_chaz: List[float]
    median: Optional[float]
    median_lower: Optional[float]
    median_upper: Optional[float]

    def at(self, t):
        """S(t) of the step function (1 before the first time); None past
        the last time, where it is not defined."""
        if self.time and t > self.time[-1]:
            return None
        s = 1.0
        for ti, si in zip(self.time, self.surv):
            if ti > t:
                break
            s = si
        return s


@dataclass
class KaplanMeier:
    """Kaplan-Meier curves by group label (None when ungrouped)."""
    ci: str
    conf_level: float
    curves: Dict[Any, KMCurve] = field(default_factory=dict)

    @property
    def curve(self):
        """The only curve of an ungrouped fit."""
        if len(self.curves) != 1:
            raise ValueError("%d curves: pick one from .curves"
                             % len(self.curves))
        return next(iter(self.curves.values()))


def _survival_inputs(time, event, start):
    stop, n = _doubles(time, "time")
    ev = _events(event, n)
    st = None
    if start is not None:
        st, ns = _doubles(start, "start")
        _same_length(ns, n, "start")
    return stop, n, ev, st


class _SurvivalSpec(ctypes.Structure):
    _fields_ = [(k, ctypes.c_char_p)
                for k in ("time", "start", "event", "by", "cox", "ref")]


class _SurvivalData(ctypes.Structure):
    _fields_ = [
        ("n", c_size_t),
        ("n_dropped", c_size_t),
        ("start", P(c_double)),
        ("stop", P(c_double)),
        ("event", P(c_int)),
        ("group", P(c_int)),
        ("n_groups", c_size_t),
        ("group_names", P(ctypes.c_char_p)),
        ("p", c_size_t),
        ("x", P(c_double)),
        ("terms", P(ctypes.c_char_p)),
        ("strata", P(c_int)),
        ("n_strata", c_size_t),
        ("dates", ctypes.c_bool),
        ("censor_day", c_double),
        ("has_contagion", ctypes.c_bool),
        ("contagion_term", c_size_t),
        ("window_days", c_double),
        ("cox_n", c_size_t),
        ("cox_start", P(c_double)),
        ("cox_stop", P(c_double)),
        ("cox_x", P(c_double)),
        ("cox_event", P(c_int)),
        ("cox_strata", P(c_int)),
    ]


STRUCTS["exo_survival_spec"] = _SurvivalSpec
STRUCTS["exo_survival_data"] = _SurvivalData

_exo_survival_data_load = _fn("exo_survival_data_load", c_enum,
                              ctypes.c_char_p, P(_SurvivalSpec),
                              P(_SurvivalData), PE)
_exo_survival_data_release = _fn("exo_survival_data_release", None,
                                 P(_SurvivalData))


def _sdec(b):
    return b.decode("utf-8", "replace") if b is not None else None


class _FrameData:
    """A DataFrame read as 'exodus survival --data' reads a CSV file (the
    same library function, exo_survival_data_load, on the frame written
    as CSV), so factors, strata, missing values and event codes are
    handled exactly as the CLI handles them."""

    def __init__(self, df, duration, event, entry=None, by=None, cox=None,
                 ref=None):
        import tempfile
        from .store import _frame_to_csv
        if ref is not None and not isinstance(ref, str):
            ref = ",".join("%s=%s" % kv for kv in dict(ref).items())
        enc = [None if v is None else str(v).encode()
               for v in (duration, entry, event, by, cox, ref)]
        spec = _SurvivalSpec(*enc)
        self.value = _SurvivalData()
        err = _Err()
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "DataFrame.csv")
            _frame_to_csv(df, path)
            code = _exo_survival_data_load(path.encode(), ctypes.byref(spec),
                                           ctypes.byref(self.value),
                                           ctypes.byref(err))
            if code != 0:
                e = ExodusError(err)
                e.relocate(path, "DataFrame", -2,
                           [str(c) for c in (df if isinstance(df, dict)
                                             else df.columns)])
                raise e

    def release(self):
        _exo_survival_data_release(ctypes.byref(self.value))


def _frame_data(df, **kw):
    return _FrameData(df, **kw)


_SURV = re.compile(r"^\s*Surv\(([^)]*)\)\s*~\s*(.+?)\s*$")


def _is_frame(x):
    return hasattr(x, "columns") and hasattr(x, "iloc")


def km(time, event=None, start=None, group=None, ci="log", conf_level=0.95,
       by=None, entry=None):
    """Kaplan-Meier curves with Greenwood intervals, exactly as R's survfit.

    Two ways to call it:

        km(df, "tenure", "left", by="dept")   # a DataFrame and its columns
        km(time, event, group=labels)         # sequences of numbers

    With a DataFrame, 'time' is the frame, the second argument the
    duration column, the third the event column ("col" holding 0/1, 1/2
    or TRUE/FALSE, or "col=VALUE": an event when the column equals VALUE),
    'entry' an entry-time column and 'by' the grouping column: the same
    reading as 'exodus survival --data FILE --time COL --event COL --by
    COL' (missing values, factor labels "dept=Sales").

    With sequences: time, the event or censoring time of each row (the
    stop time with 'start' for (start, stop] counting-process rows);
    event: 1 (or True) for an event, 0 for censoring, or 1/2 as R codes
    it. group: a label per row (numbers or strings; None leaves the row
    out) for one curve per label. ci: "log" (R's default), "log-log" or
    "plain". Returns a KaplanMeier (.summary, .curves, .plot()).
    """
    if ci not in _CI:
        raise ValueError("ci: %r is not one of %s" % (ci, ", ".join(_CI)))
    if _is_frame(time):
        if not isinstance(event, str) or not isinstance(start, str):
            raise TypeError("km(df, duration, event): name the duration "
                            "and event columns")
        data = _frame_data(time, duration=event, event=start, entry=entry,
                           by=by if by is not None else group)
        try:
            d = data.value
            return _km_fit(d.n, d.start, d.stop, d.event, d.group,
                           d.n_groups,
                           [_sdec(d.group_names[g])
                            for g in range(d.n_groups)] or [None],
                           ci, conf_level)
        finally:
            data.release()
    if event is None:
        raise TypeError("km: 'event' is required")
    stop, n, ev, st = _survival_inputs(time, event, start)
    grp, labels = (None, [None])
    if by is not None and group is None:
        group = by
    if group is not None:
        grp, labels = _labels(group, n, "group")
    return _km_fit(n, st, stop, ev, grp,
                   len(labels) if group is not None else 0, labels, ci,
                   conf_level)


def _km_fit(n, st, stop, ev, grp, n_groups, labels, ci, conf_level):
    opts = _KMOpts(_CI[ci], float(conf_level))
    out = _KM()
    err = _Err()
    _check(_exo_km_fit(n, st, stop, ev, grp, n_groups,
                       ctypes.byref(opts), ctypes.byref(out),
                       ctypes.byref(err)), err)
    try:
        res = KaplanMeier(ci=ci, conf_level=out.conf_level)
        for g in range(out.n_groups):
            c = out.curves[g]
            m = c.n_times
            res.curves[labels[g]] = KMCurve(
                group=labels[g], n=c.n, n_events=c.n_events,
                time=_list(c.time, m), n_risk=_list(c.n_risk, m),
                n_event=_list(c.n_event, m), n_censor=_list(c.n_censor, m),
                surv=_list(c.surv, m), std_err=_list(c.std_err, m),
                lower=[_or_none(x) for x in _list(c.lower, m)],
                upper=[_or_none(x) for x in _list(c.upper, m)],
                cumhaz=_list(c.cumhaz, m), std_chaz=_list(c.std_chaz, m),
                median=_or_none(c.median),
                median_lower=_or_none(c.median_lower),
                median_upper=_or_none(c.median_upper))
    finally:
        _exo_km_release(ctypes.byref(out))
    return res


@dataclass
class LogRank:
    """The log-rank (rho = 0) or Fleming-Harrington test of R's survdiff."""
    groups: List[Any]
    rho: float
    n: List[float]
    observed: List[float]
    expected: List[float]
    var: List[List[float]]
    chisq: float
    df: int
    p_value: float


def logrank(time, event, group, strata=None, rho=0.0):
    """Tests whether the groups' survival differs (right-censored data)."""
    stop, n = _doubles(time, "time")
    ev = _events(event, n)
    grp, labels = _labels(group, n, "group")
    strat = None
    if strata is not None:
        strat, _ = _labels(strata, n, "strata")
    out = _LogRank()
    err = _Err()
    _check(_exo_logrank_test(n, stop, ev, grp, len(labels), strat,
                             float(rho), ctypes.byref(out),
                             ctypes.byref(err)), err)
    try:
        k = out.n_groups
        return LogRank(
            groups=labels, rho=out.rho, n=_list(out.n, k),
            observed=_list(out.observed, k), expected=_list(out.expected, k),
            var=[[out.var[i * k + j] for j in range(k)] for i in range(k)],
            chisq=out.chisq, df=out.df, p_value=out.p_value)
    finally:
        _exo_logrank_release(ctypes.byref(out))


@dataclass
class Cox:
    """A Cox proportional-hazards fit as R's coxph reports it.

    Per covariate (in 'names' order): coef, se, z, p_value, hazard ratio
    hr with its interval at conf_level, means. var is the p x p inverse
    information. concordance is None when it was not computed.
    """
    names: List[str]
    n: int
    n_events: int
    n_missing: int
    coef: List[float]
    se: List[float]
    z: List[float]
    p_value: List[float]
    hr: List[float]
    hr_lower: List[float]
    hr_upper: List[float]
    var: List[List[float]]
    means: List[float]
    loglik_null: float
    loglik: float
    lr_test: float
    lr_p: float
    wald_test: float
    wald_p: float
    score_test: float
    score_p: float
    df: int
    iterations: int
    converged: bool
    concordance: Optional[float]
    concordance_se: Optional[float]


def _covariates(x, n, names):
    """(column-major doubles, p, names) from a mapping name -> column, a
    single column of numbers, or n rows of p numbers."""
    if hasattr(x, "keys"):
        cols = [(str(k), x[k]) for k in x.keys()]
    else:
        rows = _as_list(x, "x")
        if len(rows) != n:
            raise ValueError("x has %d rows, time has %d" % (len(rows), n))
        first = rows[0] if rows else 0.0
        if first is None or isinstance(first, numbers.Real):
            cols = [(None, rows)]
        else:
            p = len(first)
            for i, r in enumerate(rows):
                if len(r) != p:
                    raise ValueError("x[%d] has %d values, x[0] has %d"
                                     % (i, len(r), p))
            cols = [(None, [r[k] for r in rows]) for k in range(p)]
    p = len(cols)
    if names is not None:
        names = [str(s) for s in names]
        if len(names) != p:
            raise ValueError("names: %d given for %d covariates"
                             % (len(names), p))
    else:
        names = [c[0] if c[0] is not None else "x%d" % (k + 1)
                 for k, c in enumerate(cols)]
    xs = (c_double * max(n * p, 1))()
    for k, (_, col) in enumerate(cols):
        arr, m = _doubles(col, "x[%s]" % names[k], missing_ok=True)
        _same_length(m, n, "covariate %s" % names[k])
        ctypes.memmove(ctypes.byref(xs, 8 * k * n), arr, 8 * n)
    return xs, p, names


def cox(time, event, x=None, start=None, strata=None, ties="efron",
        conf_level=0.95, concordance=True, names=None, ref=None):
    """Fits a Cox model exactly as R's coxph (Efron ties by default).

    Two ways to call it:

        cox(df, "Surv(tenure, left) ~ age + factor(dept) + strata(site)")
        cox(time, event, {"age": age, "sex": sex})

    With a DataFrame and a formula, the left side is Surv(time, event) or
    Surv(start, stop, event) (event: a column of 0/1, 1/2 or TRUE/FALSE,
    or col=VALUE), and the right side the terms joined by '+': a column
    whose values are not all numbers is a factor (so is factor(col)), with
    one dummy per level but its reference level (the first in byte order,
    or ref={"dept": "Sales"}); strata(col) fits a baseline per value. It
    reads the frame as 'exodus survival --data FILE --cox TERMS' reads a
    file, and the coefficients carry R's names ("deptSales").

    With sequences: x, the covariates, as a mapping {name: column} (a
    dict, or a pandas DataFrame), one column of numbers, or n rows of p
    numbers (a 2-D NumPy array). A column of text in a mapping is a
    factor, as in the formula form ({"team": ["Meats", ...]} gives
    "teamProduce", ... against the first level; 'ref' picks another).
    None or NaN marks a missing value: the row is left out. event: 0/1
    or 1/2; start: entry times for (start, stop] rows; strata: a label per
    row. Returns a Cox (.summary, .print_summary(), .plot()).
    """
    if ties not in _TIES:
        raise ValueError("ties: %r is not efron or breslow" % (ties,))
    if _is_frame(time):
        m = _SURV.match(event) if isinstance(event, str) else None
        if not m:
            raise ValueError("cox(df, formula): expected a formula "
                             "'Surv(time, event) ~ a + factor(b)', got %r"
                             % (event,))
        lhs = [a.strip() for a in m.group(1).split(",")]
        if len(lhs) not in (2, 3):
            raise ValueError("Surv(): expected (time, event) or (start, "
                             "stop, event), got Surv(%s)" % m.group(1))
        entry = lhs[0] if len(lhs) == 3 else None
        data = _frame_data(time, duration=lhs[-2], event=lhs[-1],
                           entry=entry, cox=m.group(2), ref=ref)
        try:
            d = data.value
            terms = [_sdec(d.terms[k]) for k in range(d.p)]
            return _cox_fit(d.n, d.p, d.start, d.stop, d.event, d.x,
                            d.strata, terms, ties, conf_level, concordance)
        finally:
            data.release()
    if x is None:
        raise TypeError("cox: 'x' (the covariates) is required")
    if hasattr(x, "keys") and any(_has_text(x[k]) for k in x.keys()):
        return _cox_factors(time, event, x, start, strata, ties, conf_level,
                            concordance, ref)
    stop, n, ev, st = _survival_inputs(time, event, start)
    xs, p, names = _covariates(x, n, names)
    strat = None
    if strata is not None:
        strat, _ = _labels(strata, n, "strata")
    return _cox_fit(n, p, st, stop, ev, xs, strat, names, ties, conf_level,
                    concordance)


def _has_text(col):
    """Whether a column holds text (or pandas categories): a factor."""
    if str(getattr(col, "dtype", "")) in ("object", "category", "string"):
        return any(isinstance(v, str) for v in col)
    if isinstance(col, (str, bytes)):
        return False
    try:
        return any(isinstance(v, str) for v in col)
    except TypeError:
        return False


def _cox_factors(time, event, x, start, strata, ties, conf_level,
                 concordance, ref):
    """cox() with text columns in 'x': the columns go through the
    DataFrame path (factor(col) for each text column, one dummy per level
    but the reference), as 'exodus survival --data' reads them."""
    cols = {"exodus_time": list(time), "exodus_event": list(event)}
    if start is not None:
        cols["exodus_start"] = list(start)
    terms = []
    for k in x.keys():
        name = str(k)
        if name in cols:
            raise ValueError("covariate name %r is reserved" % name)
        cols[name] = list(x[k])
        terms.append("factor(%s)" % name if _has_text(x[k]) else name)
    if strata is not None:
        cols["exodus_strata"] = list(strata)
        terms.append("strata(exodus_strata)")
    n = len(cols["exodus_time"])
    for name, c in cols.items():
        _same_length(len(c), n, name)
    data = _frame_data(cols, duration="exodus_time", event="exodus_event",
                       entry="exodus_start" if start is not None else None,
                       cox=" + ".join(terms), ref=ref)
    try:
        d = data.value
        names = [_sdec(d.terms[k]) for k in range(d.p)]
        return _cox_fit(d.n, d.p, d.start, d.stop, d.event, d.x, d.strata,
                        names, ties, conf_level, concordance)
    finally:
        data.release()


def _cox_fit(n, p, st, stop, ev, xs, strat, names, ties, conf_level,
             concordance):
    enc = [s.encode() for s in names]
    cnames = (ctypes.c_char_p * max(p, 1))(*enc)
    opts = _CoxOpts()
    opts.ties = _TIES[ties]
    opts.conf_level = float(conf_level)
    opts.no_concordance = not concordance
    opts.names = cnames
    out = _Cox()
    err = _Err()
    _check(_exo_cox_fit(n, p, st, stop, ev, xs, strat, ctypes.byref(opts),
                        ctypes.byref(out), ctypes.byref(err)), err)
    try:
        k = out.p
        res = Cox(
            names=names, n=out.n, n_events=out.n_events,
            n_missing=out.n_missing, coef=_list(out.coef, k),
            se=_list(out.se, k), z=_list(out.z, k),
            p_value=_list(out.p_value, k), hr=_list(out.hr, k),
            hr_lower=_list(out.hr_lower, k), hr_upper=_list(out.hr_upper, k),
            var=[[out.var[i * k + j] for j in range(k)] for i in range(k)],
            means=_list(out.means, k), loglik_null=out.loglik_null,
            loglik=out.loglik, lr_test=out.lr_test, lr_p=out.lr_p,
            wald_test=out.wald_test, wald_p=out.wald_p,
            score_test=out.score_test, score_p=out.score_p, df=out.df,
            iterations=out.iterations, converged=out.converged,
            concordance=out.concordance if out.has_concordance else None,
            concordance_se=(out.concordance_se if out.has_concordance
                            else None))
    finally:
        _exo_cox_release(ctypes.byref(out))
    if not res.converged:
        warnings.warn("exodus.cox: ran out of iterations (%d); the "
                      "estimates may not be the maximum" % res.iterations,
                      ExodusWarning, stacklevel=3)
    return res


# ==== Tables, text and plots for the model results ====

from .results import (Result, SpiralResult, StatsResult,  # noqa: E402
                      SurvivalResult, FlowsResult, CompareResult,
                      ScanResult, RunwayResult, pandas as _pandas, _axes,
                      _plot_km,
                      _html_summary)


def _short(self):
    """A one-line repr: the type and its headline numbers (the lists of a
    result are long; print .summary for a table)."""
    keep = []
    for f in self.__dataclass_fields__:
        v = getattr(self, f)
        if isinstance(v, (list, dict)):
            continue
        keep.append("%s=%r" % (f, v))
        if len(keep) == 6:
            break
    return "<exodus.%s %s>" % (type(self).__name__, ", ".join(keep))


def _km_curves(self):
    """The curves as one DataFrame: group, time, n_risk, n_event,
    n_censor, surv, std_err, lower, upper, cumhaz, std_chaz."""
    pd = _pandas()
    frames = []
    for label, c in self.curves.items():
        frames.append(pd.DataFrame({
            "group": [label] * len(c.time), "time": c.time,
            "n_risk": c.n_risk, "n_event": c.n_event,
            "n_censor": c.n_censor, "surv": c.surv, "std_err": c.std_err,
            "lower": [math.nan if v is None else v for v in c.lower],
            "upper": [math.nan if v is None else v for v in c.upper],
            "cumhaz": c.cumhaz, "std_chaz": c.std_chaz}))
    df = pd.concat(frames, ignore_index=True)
    df["group"] = df["group"].astype("category")
    return df


def _km_summary(self):
    """One row per group: n, events, the median and its interval."""
    pd = _pandas()
    return pd.DataFrame([{"group": g, "n": c.n, "events": c.n_events,
                          "median": c.median, "median_lower": c.median_lower,
                          "median_upper": c.median_upper}
                         for g, c in self.curves.items()])


def _print_summary(self, file=None):
    """Prints .summary as text (to 'file', default standard output)."""
    print(self.summary.to_string(), file=file)


def _km_plot(self, ax=None):
    """Retention curves (Kaplan-Meier) with their pointwise intervals as
    bands, one per group; returns the matplotlib Axes."""
    return _plot_km(_axes(ax), self.table)


def _cox_summary(self):
    """One row per term, as R's summary(coxph): coef, exp(coef) (the
    hazard ratio) with its interval, se, z, p."""
    pd = _pandas()
    return pd.DataFrame({"coef": self.coef, "exp_coef": self.hr,
                         "exp_coef_lower": self.hr_lower,
                         "exp_coef_upper": self.hr_upper, "se": self.se,
                         "z": self.z, "p": self.p_value},
                        index=pd.Index(self.names, name="term"))


def _cox_print(self, file=None):
    """Prints the table, then n, events, the likelihood-ratio, Wald and
    score tests and the concordance."""
    print(self.summary.to_string(), file=file)
    print("n = %d, events = %d; likelihood ratio %.4g on %d df, p = %.3g; "
          "concordance %s" % (self.n, self.n_events, self.lr_test, self.df,
                              self.lr_p,
                              "%.4f" % self.concordance
                              if self.concordance is not None else "-"),
          file=file)


def _cox_plot(self, ax=None):
    """Hazard ratios with their intervals (log scale), one row per term."""
    ax = _axes(ax)
    y = list(range(len(self.names)))[::-1]
    ax.errorbar(self.hr, y, xerr=[[h - lo for h, lo in
                                   zip(self.hr, self.hr_lower)],
                                  [hi - h for h, hi in
                                   zip(self.hr, self.hr_upper)]],
                fmt="o")
    ax.axvline(1.0, color="grey", ls="--")
    ax.set_xscale("log")
    ax.set_yticks(y)
    ax.set_yticklabels(self.names)
    ax.set_xlabel("hazard ratio")
    return ax


def _hawkes_summary(self):
    """One row: events, mu (first regime), alpha, beta, n with its Wald
    interval, log-likelihoods and the converged flag."""
    pd = _pandas()
    return pd.DataFrame([{"events": self.n_events, "mu": self.mu[0]
                          if self.mu else None, "alpha": self.alpha,
                          "beta": self.beta, "n": self.n, "n_se": self.n_se,
                          "n_lower": self.n_wald[0],
                          "n_upper": self.n_wald[1], "loglik": self.loglik,
                          "lr": self.lr, "lr_p": self.lr_p,
                          "converged": self.converged}])


def _logrank_summary(self):
    """One row per group: n, observed and expected events."""
    pd = _pandas()
    return pd.DataFrame({"group": self.groups, "n": self.n,
                         "observed": self.observed,
                         "expected": self.expected})


for _cls in (KMCurve, KaplanMeier, LogRank, Cox, HawkesFit, Forecast):
    _cls.__repr__ = _short
for _cls in (KaplanMeier, LogRank, Cox, HawkesFit):
    _cls._repr_html_ = _html_summary
KaplanMeier.table = property(_km_curves)
KaplanMeier.summary = property(_km_summary)
KaplanMeier.print_summary = _print_summary
KaplanMeier.plot = _km_plot
Cox.summary = property(_cox_summary)
Cox.print_summary = _cox_print
Cox.plot = _cox_plot
HawkesFit.summary = property(_hawkes_summary)
HawkesFit.print_summary = _print_summary
LogRank.summary = property(_logrank_summary)
LogRank.print_summary = _print_summary

from .store import Store, run  # noqa: E402

__all__ += ["Result", "SpiralResult", "StatsResult", "SurvivalResult",
            "FlowsResult", "CompareResult", "ScanResult", "RunwayResult",
            "Store", "run",
            "__version__"]
