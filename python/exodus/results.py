"""Answers of exodus as Python objects: the CLI's --json fields, plus tables
(pandas DataFrames) and plots (matplotlib).

Every result is a dict holding exactly the fields that 'exodus COMMAND
--json' prints (so result == json.loads(cli_output) for the same call), whose
fields are also attributes (result.n, result.verdict). On top of that:

    result.summary           a pandas DataFrame of the headline numbers
    result.print_summary()   the same as text
    result.plot(ax=None)     a matplotlib chart; returns the Axes

pandas and matplotlib are imported only when .summary or .plot is used; a
missing one raises ImportError naming the Debian package that provides it.
"""

import math

__all__ = ["Result", "SpiralResult", "StatsResult", "SurvivalResult",
           "FlowsResult", "CompareResult", "ScanResult", "RunwayResult",
           "pandas",
           "pyplot"]

DAY_NS = 86400 * 10**9
MONTH_DAYS = 365.25 / 12


def pandas():
    """The pandas module, or ImportError saying how to install it."""
    try:
        import pandas as pd
    except ImportError:
        raise ImportError("exodus: this needs pandas (Debian: apt install "
                          "python3-pandas; or pip install pandas)") from None
    return pd


def pyplot():
    """matplotlib.pyplot, or ImportError saying how to install it."""
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError("exodus: plotting needs matplotlib (Debian: apt "
                          "install python3-matplotlib; or pip install "
                          "matplotlib)") from None
    return plt


def _axes(ax):
    if ax is not None:
        return ax
    _, ax = pyplot().subplots()
    return ax


def to_datetime(values):
    """ISO dates ("2024-08-06", "2024-08", "2024", None) as datetime64 (a
    month or year date at its first day), parsed by the library as the
    CLI parses them."""
    from . import _as_days
    vals = list(values)
    present = [v for v in vals if v is not None]
    days = iter(_as_days(present)[0] if present else [])
    return days_to_datetime([next(days) if v is not None else math.nan
                             for v in vals])


def days_to_datetime(days):
    """Days since 1970-01-01 (NaN: none) as a datetime64 Series."""
    pd = pandas()
    return pd.to_datetime(pd.Series(days, dtype="float64") * DAY_NS)


def _scalars(d, prefix=""):
    """The numbers, strings and booleans of a nested dict, flattened to
    'a.b' keys (lists are left out: they are tables of their own)."""
    out = {}
    for k, v in d.items():
        key = prefix + k
        if isinstance(v, dict):
            out.update(_scalars(v, key + "."))
        elif not isinstance(v, list):
            out[key] = v
    return out


def _html_summary(obj):
    try:
        return obj.summary._repr_html_()
    except Exception:  # no pandas, or nothing to tabulate: plain repr
        return None


class Result(dict):
    """An exodus answer: a dict of the CLI's --json fields, read also as
    attributes, with .summary, .print_summary() and .plot()."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError("%s has no field %r (fields: %s)"
                                 % (type(self).__name__, name,
                                    ", ".join(self))) from None

    def __dir__(self):
        return sorted(set(dir(type(self))) | set(self))

    def __repr__(self):
        head = ", ".join("%s=%r" % (k, v) for k, v in self._headline())
        return "<exodus.%s %s>" % (type(self).__name__, head)

    def _headline(self):
        return [(k, v) for k, v in _scalars(self).items()][:4]

    def _repr_html_(self):
        """A notebook shows .summary as its table."""
        return _html_summary(self)

    @property
    def json(self):
        """The answer as plain dicts and lists, as --json prints it."""
        return dict(self)

    @property
    def summary(self):
        """The headline numbers as a pandas DataFrame."""
        return pandas().DataFrame([_scalars(self)])

    def print_summary(self, file=None):
        """Prints .summary as text (to 'file', default standard output)."""
        try:
            text = self.summary.to_string()
        except ImportError:
            text = "\n".join("%s: %s" % kv for kv in _scalars(self).items())
        print(text, file=file)

    def plot(self, ax=None):
        """Draws the answer on 'ax' (a new figure when None); returns it."""
        raise NotImplementedError("%s has no plot" % type(self).__name__)


class SpiralResult(Result):
    """Is attrition feeding on itself? The fields of 'exodus spiral --json':
    n (the branching ratio: further departures one departure triggers),
    n_interval, test (no contagion, by parametric bootstrap), verdict
    (kind, text, and what would decide it), fit, forecast, ...

    With too few events the verdict's kind is "insufficient data": n is
    then 0 by construction and not an estimate; read .verdict first.
    """

    times = None  # the event times analysed, for plot(); not a field
    dates = False  # whether 'times' are days since 1970-01-01

    def _headline(self):
        v = self.get("verdict") or {}
        return [("org", self.get("org")), ("events", self.get("events")),
                ("n", self.get("n")), ("verdict", v.get("kind"))]

    @property
    def summary(self):
        """One row: events, n with its interval, the test's p, the
        goodness of fit and the verdict."""
        lo, hi = (self.get("n_interval") or [None, None])[:2]
        test = self.get("test") or {}
        gof = self.get("goodness_of_fit") or {}
        v = self.get("verdict") or {}
        row = {"org": self.get("org"), "events": self.get("events"),
               "n": self.get("n"), "n_lower": lo, "n_upper": hi,
               "level": self.get("level"), "p_no_contagion": test.get("p"),
               "ks_p_hawkes": gof.get("ks_p_hawkes"),
               "ks_p_trend": gof.get("ks_p_trend"),
               "verdict": v.get("kind")}
        return pandas().DataFrame([row])

    @property
    def imputations(self):
        """One row per imputation of the imprecise dates."""
        return pandas().DataFrame(self.get("by_imputation") or [])

    def print_summary(self, file=None):
        """Prints the summary row and the verdict's sentence."""
        super().print_summary(file)
        v = self.get("verdict") or {}
        print(v.get("text", ""), file=file)
        if v.get("decide"):
            print("what would decide it: " + v["decide"], file=file)

    def intensity(self, grid):
        """The fitted Hawkes intensity (events per time unit) at the times
        in 'grid', from fit.mu (by baseline segment), alpha and beta and
        the analysed event times; the baseline alone where the fit has no
        decay (no excitation)."""
        fit = self.get("fit") or {}
        segs = (self.get("baseline") or {}).get("hawkes_segments") or []
        starts = [s["start_time"] for s in segs]
        mu = fit.get("mu") or [s["rate"] for s in segs]
        alpha, beta = fit.get("alpha") or 0.0, fit.get("beta")
        times = sorted(self.times or [])
        out = []
        for t in grid:
            k = 0
            while k + 1 < len(starts) and starts[k + 1] <= t:
                k += 1
            lam = mu[k] if mu else 0.0
            if beta:
                lam += sum(alpha * math.exp(-beta * (t - ti))
                           for ti in times if ti < t)
            out.append(lam)
        return out

    def plot(self, ax=None, bin_days=None):
        """The departure timeline: events per bin (a month for dates) as
        bars, and the fitted intensity times the bin width as a line."""
        ax = _axes(ax)
        times = sorted(self.times or [])
        if not times:
            raise ValueError("no event times to draw")
        w = self.get("window") or {}
        t0 = w.get("start_time", times[0])
        t1 = w.get("end_time", times[-1])
        width = bin_days or (MONTH_DAYS if self.dates
                             else (t1 - t0) / 50 or 1.0)
        nb = max(1, int(math.ceil((t1 - t0) / width)))
        counts = [0] * nb
        for t in times:
            counts[min(nb - 1, max(0, int((t - t0) // width)))] += 1
        left = [t0 + i * width for i in range(nb)]
        grid = [t0 + (i + 0.5) * width / 4 for i in range(4 * nb)]
        lam = [x * width for x in self.intensity(grid)]
        if self.dates:
            left = list(days_to_datetime(left))
            grid = list(days_to_datetime(grid))
            bar_w = width
        else:
            bar_w = width
        ax.bar(left, counts, width=bar_w, align="edge", alpha=0.5,
               label="departures per %s" % ("month" if self.dates and
                                             not bin_days else "bin"))
        ax.plot(grid, lam, color="C3", label="fitted intensity x bin")
        v = self.get("verdict") or {}
        ax.set_title("%s: n = %.2f, %s" % (self.get("org") or "events",
                                           self.get("n") or 0.0,
                                           v.get("kind", "")))
        ax.legend()
        return ax


class StatsResult(Result):
    """Departures, arrivals, headcount and attrition by period: the fields
    of 'exodus stats ORG --json'."""

    def _headline(self):
        return [(k, self.get(k)) for k in ("org", "period", "departures",
                                           "arrivals")]

    @property
    def summary(self):
        """One row per period: start, end (datetime64) and the counts."""
        pd = pandas()
        rows = [_scalars(r) for r in self.get("rows") or []]
        df = pd.DataFrame(rows)
        for c in ("start", "end"):
            if c in df:
                df[c] = to_datetime(df[c]).values
        return df

    def plot(self, ax=None):
        """Departures and arrivals per period as bars."""
        ax = _axes(ax)
        df = self.summary
        x = list(range(len(df)))
        ax.bar([i - 0.2 for i in x], df["departures"], width=0.4,
               label="departures")
        ax.bar([i + 0.2 for i in x], df["arrivals"], width=0.4,
               label="arrivals")
        ax.set_xticks(x)
        ax.set_xticklabels([str(d)[:4] if self.get("period") == "year"
                            else str(d)[:7] for d in df["start"]],
                           rotation=90)
        ax.set_title("%s: departures and arrivals" % self.get("org"))
        ax.legend()
        return ax


def _km_long(km):
    pd = pandas()
    frames = []
    keys = ("time", "n_risk", "n_event", "n_censor", "surv", "std_err",
            "lower", "upper", "cumhaz", "std_chaz")
    for g in km.get("groups") or []:
        cols = {k: g[k] for k in keys if k in g}
        df = pd.DataFrame(cols)
        df.insert(0, "group", g.get("group"))
        frames.append(df)
    if not frames:
        return pd.DataFrame(columns=("group",) + keys)
    out = pd.concat(frames, ignore_index=True)
    out["group"] = out["group"].astype("category")
    return out


def _cox_table(cox):
    pd = pandas()
    cols = ("coef", "exp_coef", "exp_coef_lower", "exp_coef_upper", "se",
            "z", "p")
    df = pd.DataFrame({c: cox[c] for c in cols if c in cox},
                      index=pd.Index(cox.get("terms") or [], name="term"))
    return df


class SurvivalResult(Result):
    """Kaplan-Meier (with the log-rank test between groups) and Cox: the
    fields of 'exodus survival ... --json' (km, logrank, cox)."""

    def _headline(self):
        km = self.get("km") or {}
        groups = [g.get("group") for g in km.get("groups") or []]
        head = [("groups", groups)]
        cox = self.get("cox")
        if cox:
            head.append(("hazard_ratios",
                         dict(zip(cox.get("terms") or [],
                                  cox.get("exp_coef") or []))))
        return head

    @property
    def curves(self):
        """The Kaplan-Meier curves, one row per group and time."""
        return _km_long(self.get("km") or {})

    @property
    def cox_table(self):
        """The Cox model, one row per term (R's summary(coxph) columns)."""
        if not self.get("cox"):
            raise ValueError("no Cox model in this answer (pass cox=...)")
        return _cox_table(self["cox"])

    @property
    def summary(self):
        """The Cox table when a model was fitted, else one row per
        Kaplan-Meier group (n, events, median and its interval, and S at
        the --at time)."""
        if self.get("cox"):
            return self.cox_table
        pd = pandas()
        rows = [{k: v for k, v in g.items() if not isinstance(v, list)}
                for g in (self.get("km") or {}).get("groups") or []]
        return pd.DataFrame(rows)

    def print_summary(self, file=None):
        """Prints the groups, the log-rank test and the Cox table."""
        pd = pandas()
        rows = [{k: v for k, v in g.items() if not isinstance(v, list)}
                for g in (self.get("km") or {}).get("groups") or []]
        print(pd.DataFrame(rows).to_string(), file=file)
        lr = self.get("logrank")
        if lr:
            print("log-rank: " + ", ".join(
                "%s = %s" % kv for kv in _scalars(lr).items()), file=file)
        if self.get("cox"):
            print(self.cox_table.to_string(), file=file)

    def plot(self, ax=None):
        """Retention curves (Kaplan-Meier) by group with their pointwise
        intervals as bands."""
        ax = _plot_km(_axes(ax), self.curves)
        ax.set_xlabel("time (%s)" % self.get("time_unit", ""))
        return ax


def _plot_km(ax, df):
    for i, (g, c) in enumerate(df.groupby("group", observed=True,
                                          sort=False)):
        t = [0.0] + list(c["time"])
        s = [1.0] + list(c["surv"])
        ax.step(t, s, where="post", color="C%d" % i, label=str(g))
        if "lower" in c and "upper" in c:
            lo = [1.0] + [x if x is not None else float("nan")
                          for x in c["lower"]]
            hi = [1.0] + [x if x is not None else float("nan")
                          for x in c["upper"]]
            ax.fill_between(t, lo, hi, step="post", color="C%d" % i,
                            alpha=0.2)
    ax.set_ylim(0, 1.02)
    ax.set_ylabel("still there")
    ax.legend()
    return ax


class FlowsResult(Result):
    """Who wins the talent that leaves: the fields of 'exodus flows
    --json' (top_net_flows with exact intervals of the flow ratio, ...)."""

    def _headline(self):
        return [(k, self.get(k)) for k in ("moves", "organisations",
                                           "n_pairs")]

    @property
    def summary(self):
        """The net flows, one row per pair of organisations."""
        pd = pandas()
        df = pd.DataFrame(self.get("top_net_flows") or [])
        for c in ("from", "to"):
            if c in df:
                df[c] = df[c].astype("category")
        return df

    def plot(self, ax=None, top=15):
        """The largest net flows as horizontal bars ('from -> to')."""
        ax = _axes(ax)
        df = self.summary.head(top)
        labels = ["%s -> %s" % (a, b) for a, b in zip(df["from"], df["to"])]
        ax.barh(labels[::-1], list(df["net"])[::-1])
        ax.set_xlabel("net moves")
        ax.set_title("who wins the talent")
        return ax


class CompareResult(Result):
    """Organisations side by side, as of a date: the fields of 'exodus
    compare --json'."""

    def _headline(self):
        return [("orgs", [o.get("org") for o in
                          self.get("organisations") or []]),
                ("as_of", self.get("as_of"))]

    @property
    def summary(self):
        """One row per organisation: its scalar fields (nested ones as
        'a.b' columns), the spiral verdict's kind when there is one."""
        pd = pandas()
        rows = []
        for o in self.get("organisations") or []:
            row = _scalars(o)
            sp = o.get("spiral")
            if isinstance(sp, dict) and isinstance(sp.get("verdict"), dict):
                row["verdict"] = sp["verdict"].get("kind")
            rows.append(row)
        df = pd.DataFrame(rows)
        return df.set_index("org") if "org" in df else df

    def plot(self, ax=None):
        """Departures per year, one line per organisation."""
        ax = _axes(ax)
        for o in self.get("organisations") or []:
            py = o.get("per_year") or []
            ax.plot([r["year"] for r in py], [r["departures"] for r in py],
                    marker="o", label=o.get("org"))
        ax.set_ylabel("departures per year")
        ax.legend()
        return ax


class ScanResult(Result):
    """The screener: the fields of 'exodus scan --json', one row per
    organisation in 'rows', ranked."""

    def _headline(self):
        return [("organisations", self.get("organisations")),
                ("fitted", self.get("fitted")), ("seed", self.get("seed"))]

    @property
    def summary(self):
        """One row per organisation, in the table's order: departures, n
        and its interval, verdict, trend, the forecast's mean and 80%
        interval, and the note of those with too little data."""
        pd = pandas()
        rows = []
        for r in self.get("rows") or []:
            row = _scalars(r)
            ci = r.get("n_interval")
            if isinstance(ci, list) and len(ci) == 2:
                row["n_lo"], row["n_hi"] = ci
            fc = r.get("forecast")
            if isinstance(fc, dict):
                row["forecast_mean"] = fc.get("mean")
                lo_hi = fc.get("interval80") or [None, None]
                row["forecast_lo80"], row["forecast_hi80"] = lo_hi
            rows.append(row)
        df = pd.DataFrame(rows)
        return df.set_index("org") if "org" in df else df

    def plot(self, ax=None):
        """n with its 95% interval for each fitted organisation, the
        critical value 1 marked."""
        ax = _axes(ax)
        fitted = [r for r in self.get("rows") or []
                  if r.get("fitted") and r.get("n") is not None]
        for i, r in enumerate(fitted):
            lo, hi = r.get("n_interval") or [r["n"], r["n"]]
            hi = hi if hi is not None else r["n"]
            ax.plot([lo, hi], [i, i], color="C0")
            ax.plot([r["n"]], [i], "o", color="C0")
        ax.axvline(1.0, color="C3", linestyle="--", linewidth=1)
        ax.set_yticks(range(len(fitted)))
        ax.set_yticklabels([r["org"] for r in fitted])
        ax.set_xlabel("branching ratio n (95% interval)")
        return ax


class RunwayResult(Result):
    """Whether cash or people run out first: the fields of 'exodus runway
    SCENARIO --json' (deterministic path, Monte Carlo bands, ...)."""

    def _headline(self):
        mc = (self.get("monte_carlo") or {}).get("cashout_months") or {}
        return [("scenario", self.get("scenario")),
                ("months", self.get("months")),
                ("cashout_median", mc.get("median"))]

    def band(self, series="cash_usd"):
        """The Monte Carlo band of 'series' (cash_usd, headcount, ...) as
        a DataFrame, one row per month, one column per quantile."""
        pd = pandas()
        mc = (self.get("monte_carlo") or {}).get(series)
        if not isinstance(mc, dict):
            raise ValueError("no Monte Carlo band %r in this answer" % series)
        return pd.DataFrame({k: v for k, v in mc.items()
                             if isinstance(v, list)})

    @property
    def summary(self):
        """The deterministic path, one row per month."""
        pd = pandas()
        det = self.get("deterministic") or {}
        return pd.DataFrame({k: v for k, v in det.items()
                             if isinstance(v, list)})

    def plot(self, ax=None, series="cash_usd"):
        """The runway fan: the Monte Carlo quantile bands of 'series' and
        the deterministic path."""
        ax = _axes(ax)
        b = self.band(series)
        x = list(range(len(b)))
        pairs = [(lo, hi) for lo, hi in (("q025", "q975"), ("q10", "q90"))
                 if lo in b and hi in b]
        for i, (lo, hi) in enumerate(pairs):
            ax.fill_between(x, b[lo], b[hi], color="C0", alpha=0.2 + 0.2 * i,
                            label="%s-%s" % (lo, hi))
        if "q50" in b:
            ax.plot(x, b["q50"], color="C0", label="median")
        det = (self.get("deterministic") or {}).get(series)
        if isinstance(det, list):
            ax.plot(x[:len(det)], det, color="k", ls="--",
                    label="deterministic")
        ax.set_xlabel("month")
        ax.set_ylabel(series)
        ax.set_title(self.get("scenario") or "runway")
        ax.legend()
        return ax
