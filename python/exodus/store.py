"""exodus.Store: an exodus store (the SQLite file 'exodus init' makes) read
as pandas DataFrames, and every analysis of the CLI on it.

The tables (orgs, moves, departures, arrivals, spells) and imports go
through libexodus in this process. The spiral analysis is the library's
exo_spiral_analyze with the JSON the CLI prints (exo_spiral_json). The
other analyses (stats, survival, flows, compare, runway) are the exodus
command itself, run with --json: the library has no JSON writer for them
yet, and running the command keeps one code path, so Python and the CLI
cannot disagree. The command is found at $EXODUS, in the wheel (bundled
beside the library), beside the library (a build/ folder or PREFIX/bin),
then on PATH.
"""

import ctypes
import json
import math
import os
import re
import shutil
import subprocess
import tempfile

from . import (_Date, _Err, _Filter, _Hooks, _SpiralOpts, _check, _fn,
               _exo_free, _exo_spiral_json, _exo_spiral_release, _LEVELS, ExodusError,
               library_path, P, c_bool, c_double, c_enum, c_int, c_size_t)
from . import results as _r

__all__ = ["Store", "run", "command_path"]

_EVENTS = ["left", "joined", "sabbatical", "returned", "fired", "founded",
           "died", "acquired", "unknown"]  # exo_event, in order
_PRECISIONS = ["day", "month", "year"]  # exo_precision, in order


class _OrgRow(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("kind", ctypes.c_char_p),
                ("n_people", c_size_t), ("n_departures", c_size_t),
                ("n_arrivals", c_size_t)]


class _OrgList(ctypes.Structure):
    _fields_ = [("n", c_size_t), ("rows", P(_OrgRow))]


class _Move(ctypes.Structure):
    _fields_ = [("person", ctypes.c_char_p), ("from_org", ctypes.c_char_p),
                ("to_org", ctypes.c_char_p), ("role", ctypes.c_char_p),
                ("level", c_enum), ("event", c_enum), ("date", _Date),
                ("source", ctypes.c_char_p), ("from_spell", c_bool),
                ("reason", c_enum)]


class _MoveList(ctypes.Structure):
    _fields_ = [("n", c_size_t), ("rows", P(_Move))]


class _Spells(ctypes.Structure):
    _fields_ = [("n", c_size_t), ("start", P(c_double)),
                ("end", P(c_double)), ("end_reason", P(c_enum)),
                ("level", P(c_enum)), ("person", P(ctypes.c_char_p)),
                ("team", P(ctypes.c_char_p)), ("reason", P(c_enum)),
                ("has_as_of", c_bool), ("as_of", c_double),
                ("role", P(ctypes.c_char_p))]


class _ImportOpts(ctypes.Structure):
    _fields_ = [("format", c_enum), ("map", ctypes.c_char_p),
                ("date_format", ctypes.c_char_p),
                ("null_date", ctypes.c_char_p), ("org", ctypes.c_char_p),
                ("reason_map", ctypes.c_char_p), ("source", ctypes.c_char_p),
                ("hooks", _Hooks), ("dry_run", c_bool),
                ("merged", ctypes.c_void_p), ("has_as_of", c_bool),
                ("as_of", ctypes.c_int32), ("full_snapshot", c_bool)]


class _ImportResult(ctypes.Structure):
    _fields_ = [("n_rows", c_size_t), ("n_new", c_size_t),
                ("n_present", c_size_t), ("n_merged", c_size_t),
                ("n_orgs_merged", c_size_t), ("n_updated", c_size_t),
                ("n_missing", c_size_t), ("n_missing_open", c_size_t),
                ("n_closed", c_size_t), ("closed_on", ctypes.c_int32)]


class _ErrList(ctypes.Structure):
    _fields_ = [("n", c_size_t), ("n_total", c_size_t),
                ("item", _Err * 20)]


# Structs that the library fills whole: allocated with room to spare, so
# a field appended to the C struct later cannot write past them.
def _padded(cls):
    buf = ctypes.create_string_buffer(ctypes.sizeof(cls) + 4096)
    obj = cls.from_buffer(buf)
    obj._keep = buf
    return obj


STRUCTS = {"exo_date": _Date, "exo_org_row": _OrgRow,
           "exo_org_list": _OrgList, "exo_move": _Move,
           "exo_move_list": _MoveList, "exo_spells": _Spells,
           "exo_import_opts": _ImportOpts, "exo_errlist": _ErrList,
           "exo_import_result": _ImportResult}

PE = P(_Err)
_VP = ctypes.c_void_p
_open = _fn("exo_store_open", c_enum, ctypes.c_char_p, c_int, P(_VP), PE)
_close = _fn("exo_store_close", None, _VP)
_orgs = _fn("exo_org_list_load", c_enum, _VP, P(_OrgList), PE)
_orgs_release = _fn("exo_org_list_release", None, P(_OrgList))
_resolve = _fn("exo_org_resolve", c_enum, _VP, ctypes.c_char_p,
               P(ctypes.c_void_p), PE)
_moves = _fn("exo_move_list_load", c_enum, _VP, ctypes.c_char_p, P(_Filter),
             P(_MoveList), PE)
_departures = _fn("exo_move_list_load_departures", c_enum, _VP,
                  ctypes.c_char_p, P(_Filter), P(_MoveList), P(c_size_t), PE)
_arrivals = _fn("exo_move_list_load_arrivals", c_enum, _VP, ctypes.c_char_p,
                P(_Filter), P(_MoveList), PE)
_moves_release = _fn("exo_move_list_release", None, P(_MoveList))
_spells = _fn("exo_spells_load", c_enum, _VP, ctypes.c_char_p, P(_Spells),
              PE)
_spells_release = _fn("exo_spells_release", None, P(_Spells))
_import_opts_init = _fn("exo_import_opts_init", None, P(_ImportOpts))
_import_file = _fn("exo_import_file", c_enum, _VP, c_enum, ctypes.c_char_p,
                   P(_ImportOpts), P(_ImportResult), P(_ErrList), PE)
_spiral_opts_init = _fn("exo_spiral_opts_init", None, P(_SpiralOpts))
_spiral_analyze = _fn("exo_spiral_analyze", c_enum, _VP, ctypes.c_char_p,
                      P(_SpiralOpts), P(_VP), PE)
_date_parse = _fn("exo_date_parse", c_enum, ctypes.c_char_p, P(_Date), PE)

_IMPORT_KINDS = {"moves": 0, "spells": 1, "finance": 2, "aliases": 3}
_READONLY, _CREATE = 2, 1


# ==== The exodus command ====

def command_path():
    """The exodus executable the analyses run (see the module's help);
    raises FileNotFoundError when there is none."""
    here = os.path.dirname(os.path.abspath(__file__))
    libdir = os.path.dirname(os.path.realpath(library_path))
    for c in (os.environ.get("EXODUS"), os.path.join(here, "_lib", "exodus"),
              os.path.join(libdir, "exodus"),
              os.path.join(os.path.dirname(libdir), "bin", "exodus"),
              shutil.which("exodus")):
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    raise FileNotFoundError("exodus: no exodus command (set EXODUS to its "
                            "path, or install exodus)")


_LOCATION = re.compile(r"^(?:exodus: )?(.+?):(\d+)(?::(\d+))?: (.*)$")


def run(*args, db=None):
    """Runs 'exodus [--db DB] ARGS... --json -q' and returns its JSON
    answer (a dict). A failure raises ExodusError with the command's
    message, and its file, line and column when it names them."""
    cmd = [command_path()]
    if db is not None:
        cmd += ["--db", os.fspath(db)]
    cmd += [str(a) for a in args] + ["--json", "-q"]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        text = p.stderr.strip() or "exodus exited with status %d" % (
            p.returncode)
        first = text.splitlines()[0]
        m = _LOCATION.match(first)
        loc = (m.group(1), int(m.group(2)), int(m.group(3) or 0)) if m \
            else ("", 0, 0)
        raise ExodusError.from_text(text, *loc, status=p.returncode)
    return json.loads(p.stdout)


# ==== Converting ====

def _s(b):
    return b.decode("utf-8", "replace") if b is not None else None


def _day(value, what):
    """Days since 1970-01-01 from an ISO date string, a date, datetime or
    pandas Timestamp."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        value = value.isoformat()[:10]
    d = _Date()
    err = _Err()
    _check(_date_parse(str(value).encode(), ctypes.byref(d),
                       ctypes.byref(err)), err)
    return d.days


def _filter(since, until, levels=None, with_leave=False):
    f = _Filter()
    if since is not None:
        f.has_since, f.since = True, _day(since, "since")
    if until is not None:
        f.has_until, f.until = True, _day(until, "until")
    if levels:
        for name in ([levels] if isinstance(levels, str) else levels):
            if name not in _LEVELS:
                raise ValueError("level %r is not one of %s"
                                 % (name, ", ".join(_LEVELS[1:])))
            f.level_mask |= 1 << _LEVELS.index(name)
    f.with_leave = bool(with_leave)
    return f


def _category(values, categories=None):
    pd = _r.pandas()
    return pd.Categorical(values, categories=categories)


def _moves_frame(lst):
    pd = _r.pandas()
    rows = [lst.rows[i] for i in range(lst.n)]
    days = [r.date.days for r in rows]
    return pd.DataFrame({
        "date": _r.days_to_datetime(days).values,
        "precision": _category([_PRECISIONS[r.date.precision] for r in rows],
                               _PRECISIONS),
        "person": [_s(r.person) for r in rows],
        "from_org": _category([_s(r.from_org) for r in rows]),
        "to_org": _category([_s(r.to_org) for r in rows]),
        "role": [_s(r.role) for r in rows],
        "level": _category([_LEVELS[r.level] or None for r in rows],
                           _LEVELS[1:]),
        "event": _category([_EVENTS[r.event] for r in rows], _EVENTS),
        "source": [_s(r.source) for r in rows],
        "from_spell": [bool(r.from_spell) for r in rows],
    })


def _csv_value(v):
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        v = v.item()  # a NumPy scalar
    if v is None:
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, float) and math.isnan(v):
        return ""
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10]
    return str(v)


def _frame_to_csv(df, path):
    """Writes a DataFrame (or a dict of equal-length columns) as the CSV
    file the importer reads: its columns by name, dates as ISO 8601,
    booleans as 1/0, missing values empty."""
    import csv
    if isinstance(df, dict):
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow([str(c) for c in df])
            for row in zip(*[list(c) for c in df.values()]):
                w.writerow([_csv_value(v) for v in row])
        return
    pd = _r.pandas()
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([str(c) for c in df.columns])
        cols = []
        for c in df.columns:
            s = df[c]
            if pd.api.types.is_datetime64_any_dtype(s):
                s = s.dt.strftime("%Y-%m-%d")
            elif pd.api.types.is_bool_dtype(s):
                s = s.astype("int64")
            cols.append(s.astype("object").where(s.notna(), None).tolist())
        for row in zip(*cols):
            w.writerow([_csv_value(v) for v in row])


# ==== The store ====

class Store:
    """An exodus store, opened read-only (nothing is created or changed
    until an import_* method is called).

        st = exodus.Store("exodus-demo.db")
        st.orgs()                  # DataFrame, one row per organisation
        st.moves()                 # DataFrame of reported moves
        st.spiral("OpenAI").n      # the branching ratio
        st.survival("Canadian retailer (HR sample)",
                    cox="contagion(90)").summary

    'path_or_url' is a file path, an os.PathLike or a "file:" URL. A
    missing file raises ExodusError (EXO_ENOENT), unless create=True,
    which makes an empty store there (as 'exodus init' does).
    """

    def __init__(self, path_or_url, create=False):
        p = os.fspath(path_or_url)
        if p.startswith("file://"):
            p = p[len("file://"):]
        elif p.startswith("file:"):
            p = p[len("file:"):]
        self.path = p
        self._h = None
        if create:
            self._with_writer(lambda h: None, create=True)
        h = _VP()
        err = _Err()
        _check(_open(p.encode(), _READONLY, ctypes.byref(h),
                     ctypes.byref(err)), err)
        self._h = h

    def close(self):
        """Closes the store (also done when the object is collected)."""
        if self._h is not None:
            _close(self._h)
            self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def __repr__(self):
        return "<exodus.Store %r>" % self.path

    def _handle(self):
        if self._h is None:
            raise ValueError("the store is closed")
        return self._h

    def _with_writer(self, fn, create=False):
        """Runs fn(handle) on a read-write handle opened for it."""
        h = _VP()
        err = _Err()
        _check(_open(self.path.encode(), _CREATE if create else 0,
                     ctypes.byref(h), ctypes.byref(err)), err)
        try:
            return fn(h)
        finally:
            _close(h)

    # ---- tables ----

    def orgs(self):
        """The organisations: name, kind, people, departures, arrivals
        (the counts 'exodus orgs' prints)."""
        pd = _r.pandas()
        lst = _OrgList()
        err = _Err()
        _check(_orgs(self._handle(), ctypes.byref(lst), ctypes.byref(err)),
               err)
        try:
            rows = [lst.rows[i] for i in range(lst.n)]
            return pd.DataFrame({
                "name": [_s(r.name) for r in rows],
                "kind": _category([_s(r.kind) for r in rows]),
                "people": [int(r.n_people) for r in rows],
                "departures": [int(r.n_departures) for r in rows],
                "arrivals": [int(r.n_arrivals) for r in rows]})
        finally:
            _orgs_release(ctypes.byref(lst))

    def resolve(self, org):
        """The stored name of 'org' (through aliases and case folding);
        ExodusError (EXO_ENOTFOUND) when there is none."""
        out = ctypes.c_void_p()
        err = _Err()
        _check(_resolve(self._handle(), org.encode(), ctypes.byref(out),
                        ctypes.byref(err)), err)
        try:
            return ctypes.string_at(out).decode("utf-8", "replace")
        finally:
            _exo_free(out)

    def _move_list(self, loader, org, since, until, levels, with_leave):
        f = _filter(since, until, levels, with_leave)
        lst = _MoveList()
        err = _Err()
        o = org.encode() if org is not None else None
        if loader is _departures:
            code = loader(self._handle(), o, ctypes.byref(f),
                          ctypes.byref(lst), None, ctypes.byref(err))
        else:
            code = loader(self._handle(), o, ctypes.byref(f),
                          ctypes.byref(lst), ctypes.byref(err))
        _check(code, err)
        try:
            return _moves_frame(lst)
        finally:
            _moves_release(ctypes.byref(lst))

    def moves(self, org=None, since=None, until=None, levels=None):
        """Reported moves touching 'org' (None: all), in date order, as a
        DataFrame: date (datetime64, the first day of a month or year
        date), precision (day/month/year), person, from_org, to_org, role,
        level, event (categoricals), source, from_spell. since/until: ISO
        dates or dates, inclusive; levels: names such as ["founder",
        "exec"]."""
        return self._move_list(_moves, org, since, until, levels, False)

    def departures(self, org, since=None, until=None, levels=None,
                   with_leave=False):
        """The departures from 'org' that the spiral analysis counts
        (reported moves out and ends of HR spells, a repeated report
        counted once), with the columns of moves()."""
        return self._move_list(_departures, org, since, until, levels,
                               with_leave)

    def arrivals(self, org, since=None, until=None, levels=None):
        """Arrivals at 'org' (moves in and starts of spells), with the
        columns of moves()."""
        return self._move_list(_arrivals, org, since, until, levels, False)

    def spells(self, org):
        """The employment spells at 'org' (HR data): person, team, level,
        start, end (datetime64; NaT while open), end_reason (categorical)
        and left (True when the spell ended in a departure: left or
        fired)."""
        pd = _r.pandas()
        sp = _Spells()
        err = _Err()
        _check(_spells(self._handle(), org.encode(), ctypes.byref(sp),
                       ctypes.byref(err)), err)
        try:
            n = sp.n
            end = [sp.end[i] for i in range(n)]
            reason = [_EVENTS[sp.end_reason[i]] if not math.isnan(end[i])
                      else None for i in range(n)]
            return pd.DataFrame({
                "person": [_s(sp.person[i]) for i in range(n)],
                "team": _category([_s(sp.team[i]) for i in range(n)]),
                "level": _category([_LEVELS[sp.level[i]] or None
                                    for i in range(n)], _LEVELS[1:]),
                "start": _r.days_to_datetime(
                    [sp.start[i] for i in range(n)]).values,
                "end": _r.days_to_datetime(end).values,
                "end_reason": _category(reason, _EVENTS),
                "left": [r in ("left", "fired") for r in reason]})
        finally:
            _spells_release(ctypes.byref(sp))

    # ---- imports ----

    def import_file(self, path, kind="moves", map=None, date_format=None,
                    null_date=None, org=None, reason_map=None, source=None,
                    dry_run=False):
        """Imports a CSV or JSON file, as 'exodus import KIND FILE' does
        ('kind': moves, spells, finance or aliases; the other arguments are
        its --map, --date-format, --null-date, --org, --reason-map and
        --source). One transaction: a bad row writes nothing and raises
        ExodusError naming the file, line and column (.errors lists up to
        20). Returns a dict: rows, new, present, merged, orgs_merged,
        updated."""
        if kind not in _IMPORT_KINDS:
            raise ValueError("kind: %r is not one of %s"
                             % (kind, ", ".join(_IMPORT_KINDS)))
        opts = _padded(_ImportOpts)
        _import_opts_init(ctypes.byref(opts))
        keep = []

        def text(v):
            if v is None:
                return None
            b = str(v).encode()
            keep.append(b)
            return b
        opts.map, opts.date_format = text(map), text(date_format)
        opts.null_date, opts.org = text(null_date), text(org)
        opts.reason_map, opts.source = text(reason_map), text(source)
        opts.dry_run = bool(dry_run)

        def go(h):
            res = _ImportResult()
            errs = _ErrList()
            err = _Err()
            code = _import_file(h, _IMPORT_KINDS[kind],
                                os.fspath(path).encode(), ctypes.byref(opts),
                                ctypes.byref(res), ctypes.byref(errs),
                                ctypes.byref(err))
            if code != 0:
                e = ExodusError(err)
                e.errors = [ExodusError(errs.item[i])
                            for i in range(min(errs.n, 20))]
                raise e
            # spells: 'present' are unchanged, 'updated' refreshed by this
            # file (an end date, a team; docs/hr.md)
            return {"rows": res.n_rows, "new": res.n_new,
                    "present": res.n_present, "merged": res.n_merged,
                    "orgs_merged": res.n_orgs_merged,
                    "updated": res.n_updated}
        return self._with_writer(go)

    def _import_frame(self, kind, df_or_path, source, kw):
        if isinstance(df_or_path, (str, bytes, os.PathLike)):
            return self.import_file(df_or_path, kind, source=source, **kw)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "DataFrame.csv")
            _frame_to_csv(df_or_path, path)
            try:
                return self.import_file(path, kind,
                                        source=source or "DataFrame", **kw)
            except ExodusError as e:
                cols = [str(c) for c in df_or_path.columns]
                for x in [e] + list(getattr(e, "errors", [])):
                    x.relocate(path, "DataFrame", -2, cols)
                raise

    def import_spells(self, df_or_path, source=None, **kw):
        """Imports employment spells (an HR export) from a DataFrame or a
        file, as 'exodus import spells' does: keywords map, date_format,
        null_date, org, reason_map as in import_file(). Errors name the
        DataFrame row as import_moves() does."""
        return self._import_frame("spells", df_or_path, source, kw)

    def import_moves(self, df_or_path, source=None, **kw):
        """Imports moves from a DataFrame or a file (CSV or JSON).

        A DataFrame has the columns of a moves file (person, from_org,
        to_org, role, level, event, date, source; see 'exodus import -h'),
        or others mapped with map="person=Name,date=When"; datetime64
        columns are written as ISO dates. Errors name the DataFrame row:
        ExodusError.file is "DataFrame" and .line the row's position
        (0-based, as df.iloc takes it)."""
        return self._import_frame("moves", df_or_path, source, kw)

    # ---- analyses ----

    def spiral(self, org, since=None, until=None, levels=None,
               with_leave=False, baseline=None, horizon=None, paths=None,
               bootstrap=0, imputations=0, asymptotic=False,
               ties_exact=False, fixed_decay=None, seed=1):
        """Is attrition at 'org' feeding on itself? The analysis of 'exodus
        spiral ORG' (same defaults, same JSON fields, from the same
        library function) as a SpiralResult: .n, .n_interval, .test,
        .verdict, ... baseline: "trend" or "constant" (departures
        counted), "headcount" (per head), or None: per head for an HR
        export's organisation, else the trend;
        horizon: days of forecast (default the library's); bootstrap,
        imputations: 0 for the defaults (199 and 20)."""
        opts = _padded(_SpiralOpts)
        _spiral_opts_init(ctypes.byref(opts))
        opts.seed = int(seed)
        opts.filter = _filter(since, until, levels, with_leave)
        if baseline == "headcount":
            opts.baseline, opts.per_head = 0, True
        elif baseline in ("trend", "constant"):
            opts.baseline = 0 if baseline == "trend" else 1
            opts.counted = True
        elif baseline is not None:
            raise ValueError("baseline: %r is not trend, constant or "
                             "headcount" % (baseline,))
        if horizon is not None:
            opts.horizon = float(horizon)
        if paths is not None:
            opts.paths = int(paths)
        opts.bootstrap = int(bootstrap)
        opts.imputations = int(imputations)
        opts.asymptotic = bool(asymptotic)
        opts.ties_exact = bool(ties_exact)
        if fixed_decay is not None:
            opts.fixed_beta = float(fixed_decay)
        out = _VP()
        err = _Err()
        _check(_spiral_analyze(self._handle(), org.encode(),
                               ctypes.byref(opts), ctypes.byref(out),
                               ctypes.byref(err)), err)
        try:
            text = _exo_spiral_json(out)
            if not text:
                raise MemoryError("exodus: out of memory writing the answer")
            try:
                res = _r.SpiralResult(json.loads(
                    ctypes.string_at(text).decode("utf-8")))
            finally:
                _exo_free(text)
        finally:
            _exo_spiral_release(out)
        try:
            dep = self.departures(org, since, until, levels, with_leave)
            res.times = [d.value / _r.DAY_NS for d in dep["date"]]
            res.dates = True
        except ImportError:
            pass
        return res

    def stats(self, org, period=None, by=None, since=None, until=None):
        """Departures, arrivals, headcount and attrition of 'org' by
        'period' (month, quarter or year; by="level" splits departures):
        'exodus stats ORG --json' as a StatsResult (.summary: one row per
        period)."""
        args = ["stats", org]
        args += _opt("--period", period) + _opt("--by", by)
        args += _opt("--since", since) + _opt("--until", until)
        return _r.StatsResult(run(*args, db=self.path))

    def survival(self, orgs, by=None, cox=None, ref=None, at=None,
                 since=None, ci=None, ties=None):
        """Retention and the contagion hazard: 'exodus survival ORG...
        --json' as a SurvivalResult. 'orgs': a name or a list; by: level,
        org or team; cox: terms joined by '+' (level, org,
        contagion(W), entry); ref: "level=LEVEL"; at: days for S(at)."""
        names = [orgs] if isinstance(orgs, str) else list(orgs)
        args = ["survival"] + names + _opt("--by", by) + _opt("--cox", cox)
        args += _opt("--ref", ref) + _opt("--at", at)
        args += _opt("--since", since) + _opt("--ci", ci)
        args += _opt("--ties", ties)
        return _r.SurvivalResult(run(*args, db=self.path))

    def flows(self, since=None, until=None, levels=None, **options):
        """Who wins the talent that leaves: 'exodus flows --json' as a
        FlowsResult (.summary: the net flows). Other options of 'exodus
        flows -h' as keywords (top=10 -> --top 10; True for a flag)."""
        args = ["flows"] + _opt("--since", since) + _opt("--until", until)
        args += _levels_opt(levels) + _options(options)
        return _r.FlowsResult(run(*args, db=self.path))

    def compare(self, orgs, as_of=None, since=None, spiral=True, seed=None):
        """Organisations side by side, as of a date: 'exodus compare ORG...
        --json' as a CompareResult (.summary: one row per organisation).
        spiral=False skips the verdicts (fast)."""
        names = [orgs] if isinstance(orgs, str) else list(orgs)
        args = ["compare"] + names + _opt("--as-of", as_of)
        args += _opt("--since", since) + _opt("--seed", seed)
        if not spiral:
            args.append("--no-spiral")
        return _r.CompareResult(run(*args, db=self.path))

    def scan(self, orgs=None, min_departures=None, since=None, until=None,
             levels=None, bootstrap=None, imputations=None, paths=None,
             seed=None, asymptotic=False, threads=None, baseline=None):
        """Which organisations are in a spiral right now: 'exodus scan
        [ORG...] --json' as a ScanResult (.summary: one row per
        organisation, ranked by verdict and n; those with too little data
        are rows too, with their note). Each row is the organisation's own
        spiral answer, the one .spiral(org) gives with the same seed and
        options. baseline: "trend" (the default), "constant" or
        "headcount" (per head, for organisations whose spells give one)."""
        names = [] if orgs is None else (
            [orgs] if isinstance(orgs, str) else list(orgs))
        args = ["scan"] + names + _opt("--min-departures", min_departures)
        args += _opt("--since", since) + _opt("--until", until)
        args += _levels_opt(levels) + _opt("--bootstrap", bootstrap)
        args += _opt("--imputations", imputations) + _opt("--paths", paths)
        args += _opt("--seed", seed) + _opt("--threads", threads)
        args += _opt("--baseline", baseline)
        if asymptotic:
            args.append("--asymptotic")
        return _r.ScanResult(run(*args, db=self.path))

    def runway(self, scenario, paths=None, seed=None, months=None, org=None,
               set=None):
        """Cash, staff and dilution: 'exodus runway SCENARIO --json' as a
        RunwayResult (.plot() draws the fan). 'scenario': a scenario file,
        or a dict written to one; org: take the contagion from the Hawkes
        fit to its departures in this store; set: {"key": value}
        overrides (--set key=value)."""
        with tempfile.TemporaryDirectory() as tmp:
            if isinstance(scenario, dict):
                path = os.path.join(tmp, "scenario.json")
                with open(path, "w") as f:
                    json.dump(scenario, f)
            else:
                path = os.fspath(scenario)
            args = ["runway", path] + _opt("--paths", paths)
            args += _opt("--seed", seed) + _opt("--months", months)
            args += _opt("--org", org)
            for k, v in (set or {}).items():
                args += ["--set", "%s=%s" % (k, v if isinstance(v, str)
                                            else json.dumps(v))]
            return _r.RunwayResult(run(*args, db=self.path))


def _opt(flag, value):
    if value is None:
        return []
    if hasattr(value, "isoformat"):
        value = value.isoformat()[:10]
    return [flag, str(value)]


def _levels_opt(levels):
    if not levels:
        return []
    return ["--level", levels if isinstance(levels, str)
            else ",".join(levels)]


def _options(options):
    out = []
    for k, v in options.items():
        flag = "--" + k.replace("_", "-")
        if v is True:
            out.append(flag)
        elif v not in (None, False):
            out += _opt(flag, v)
    return out
