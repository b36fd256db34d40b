"""Tests of the pandas-first API (exodus.Store, results, km/cox on
DataFrames) against the exodus command's --json on the bundled data.

The demo store is made once by 'exodus demo' (the executable at $EXODUS,
else the source tree's build/exodus) in a temporary folder. NumPy, pandas
and matplotlib are required here (scripts/deps installs Debian's
python3-numpy, python3-pandas and python3-matplotlib): a missing one makes
the import below fail, so nothing is skipped. R references come from
shared/data/survival-ref (R 4.2.2, survival 3.5.3); where Python and the
command run the same library code the tolerance is 1e-12 relative (the
same doubles, read back from JSON's %.17g); against R it is 1e-6, the
project's tolerance for deterministic fits.
"""

import io
import json
import math
import os
import subprocess
import tempfile
import unittest

import matplotlib
matplotlib.use("Agg")
import matplotlib.axes  # noqa: E402
import numpy  # noqa: E402,F401
import pandas as pd  # noqa: E402

import exodus  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SHARED = os.environ.get("EXO_SHARED") or os.path.join(ROOT, "..", "shared")
EXE = os.environ.get("EXODUS") or os.path.join(ROOT, "build", "exodus")
HR = "Canadian retailer (HR sample)"

_tmp = None
DB = None


def setUpModule():
    global _tmp, DB
    if not os.path.isfile(EXE):
        raise RuntimeError("no exodus executable at %s (set EXODUS)" % EXE)
    _tmp = tempfile.TemporaryDirectory()
    subprocess.run([EXE, "-q", "demo"], cwd=_tmp.name, check=True,
                   stdout=subprocess.DEVNULL)
    DB = os.path.join(_tmp.name, "exodus-demo.db")


def tearDownModule():
    _tmp.cleanup()


def cli(*args, db=None):
    cmd = [EXE, "--db", db or DB] + list(args) + ["--json"]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True,
                                     text=True).stdout)


def ref(name):
    with open(os.path.join(SHARED, "data", "survival-ref", name)) as f:
        return json.load(f)


def ref_csv(name):
    return os.path.join(SHARED, "data", "survival-ref", name)


class Rel(unittest.TestCase):
    def assertRel(self, got, want, rtol, what):
        """|got - want| <= rtol |want|, both printed on failure."""
        self.assertTrue(abs(got - want) <= rtol * abs(want),
                        "%s: got %.17g, expected %.17g (rtol %g)"
                        % (what, got, want, rtol))

    def assertAllRel(self, got, want, rtol, what):
        self.assertEqual(len(got), len(want), what + ": lengths")
        for i, (g, w) in enumerate(zip(got, want)):
            if w is None or (isinstance(w, float) and math.isnan(w)):
                self.assertTrue(g is None or math.isnan(g),
                                "%s[%d]: %r, expected none" % (what, i, g))
            else:
                self.assertRel(g, w, rtol, "%s[%d]" % (what, i))


class TestPackage(unittest.TestCase):
    def test_version_is_the_librarys(self):
        self.assertEqual(exodus.__version__, exodus.version())
        out = subprocess.run([EXE, "--version"], check=True,
                             capture_output=True, text=True).stdout
        self.assertIn(exodus.__version__, out)

    def test_every_public_name_is_documented(self):
        """help(exodus) reads like a reference: every public function,
        class, method and property has a docstring."""
        missing = []
        for name in exodus.__all__:
            obj = getattr(exodus, name)
            if isinstance(obj, str):
                continue
            if not (obj.__doc__ or "").strip():
                missing.append(name)
            if isinstance(obj, type):
                for attr, member in vars(obj).items():
                    if attr.startswith("_"):
                        continue
                    fn = member.fget if isinstance(member, property) \
                        else member
                    if callable(fn) and not (fn.__doc__ or "").strip():
                        missing.append("%s.%s" % (name, attr))
        self.assertEqual(missing, [])

    def test_reprs_are_short(self):
        """print(result) is one line, not the curves."""
        lung = pd.read_csv(ref_csv("lung.csv"), na_values="NA")
        fit = exodus.km(lung, "time", "status", by="sex")
        self.assertLess(len(repr(fit)), 300)
        self.assertLess(len(repr(exodus.Store(DB).spiral("OpenAI"))), 300)


class TestStoreTables(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.st = exodus.Store(DB)

    def test_orgs_match_the_cli(self):
        df = self.st.orgs()
        want = cli("orgs")["orgs"]
        self.assertEqual(list(df["name"]), [o["name"] for o in want])
        self.assertEqual(list(df["people"]), [o["people"] for o in want])
        self.assertEqual(list(df["departures"]),
                         [o["departures"] for o in want])
        self.assertEqual(list(df["arrivals"]), [o["arrivals"] for o in want])

    def test_moves_are_a_dataframe_with_dates_and_categories(self):
        df = self.st.moves()
        want = cli("moves")["moves"]
        self.assertIsInstance(df, pd.DataFrame)
        self.assertEqual(len(df), len(want))
        self.assertEqual(str(df["date"].dtype), "datetime64[ns]")
        for c in ("level", "event", "from_org", "to_org", "precision"):
            self.assertEqual(str(df[c].dtype), "category", c)
        self.assertEqual(list(df["person"]), [m["person"] for m in want])
        # The CLI prints a date at its precision; the frame holds its
        # first day and says the precision.
        for (_, row), m in zip(df.iterrows(), want):
            text = row["date"].strftime(
                {"day": "%Y-%m-%d", "month": "%Y-%m",
                 "year": "%Y"}[row["precision"]])
            self.assertEqual(text, m["date"], m["person"])

    def test_departures_are_what_spiral_counts(self):
        dep = self.st.departures("OpenAI")
        self.assertEqual(len(dep), cli("spiral", "OpenAI", "--bootstrap",
                                       "20", "--imputations", "1",
                                       "--paths", "10")["events"])

    def test_spells(self):
        sp = self.st.spells(HR)
        self.assertEqual(len(sp), 6284)
        self.assertEqual(int(sp["left"].sum()), 1485)
        self.assertTrue(sp["end"].isna().any())
        self.assertEqual(str(sp["start"].dtype), "datetime64[ns]")

    def test_a_read_only_store_is_never_created(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "none.db")
            with self.assertRaises(exodus.ExodusError) as cm:
                exodus.Store(path)
            self.assertEqual(cm.exception.code_name, "EXO_ENOENT")
            self.assertFalse(os.path.exists(path))

    def test_unknown_org_raises_with_the_library_message(self):
        with self.assertRaises(exodus.ExodusError) as cm:
            self.st.spiral("Nowhere Inc")
        self.assertEqual(cm.exception.code_name, "EXO_ENOTFOUND")
        self.assertIn("Nowhere Inc", str(cm.exception))
        with self.assertRaises(exodus.ExodusError) as cm:
            self.st.stats("Nowhere Inc")
        self.assertIn("Nowhere Inc", str(cm.exception))


class TestStoreAnalyses(Rel):
    @classmethod
    def setUpClass(cls):
        cls.st = exodus.Store(DB)

    def test_spiral_is_the_clis_answer(self):
        r = self.st.spiral("OpenAI")
        self.assertEqual(r, cli("spiral", "OpenAI"))
        self.assertIsInstance(r.n, float)
        self.assertEqual(r.verdict, r["verdict"])
        s = r.summary
        self.assertEqual(s.loc[0, "n"], r.n)
        self.assertEqual(s.loc[0, "verdict"], r.verdict["kind"])

    def test_spiral_options_are_the_clis(self):
        r = self.st.spiral("OpenAI", since="2020-01-01", levels=["exec"],
                           bootstrap=39, imputations=3, seed=7, paths=300,
                           horizon=90)
        self.assertEqual(r, cli("spiral", "OpenAI", "--since", "2020-01-01",
                                "--level", "exec", "--bootstrap", "39",
                                "--imputations", "3", "--seed", "7",
                                "--paths", "300", "--horizon", "90"))

    def test_stats(self):
        r = self.st.stats("OpenAI", period="year")
        want = cli("stats", "OpenAI", "--period", "year")
        self.assertEqual(r, want)
        s = r.summary
        self.assertEqual(int(s["departures"].sum()), want["departures"])
        self.assertEqual(str(s["start"].dtype), "datetime64[ns]")
        self.assertEqual(s["start"].iloc[0], pd.Timestamp(
            want["rows"][0]["start"]))

    def test_survival_contagion_cox(self):
        r = self.st.survival(HR, cox="contagion(90)")
        want = cli("survival", HR, "--cox", "contagion(90)")
        self.assertEqual(r, want)
        t = r.summary
        self.assertEqual(list(t.index), want["cox"]["terms"])
        self.assertEqual(t.loc["contagion(90)", "exp_coef"],
                         want["cox"]["exp_coef"][0])
        curves = r.curves
        self.assertEqual(len(curves), len(want["km"]["groups"][0]["time"]))

    def test_flows(self):
        r = self.st.flows()
        want = cli("flows")
        self.assertEqual(r, want)
        s = r.summary
        self.assertTrue((s["net"] == s["moves"] - s["back"]).all())
        self.assertEqual(str(s["from"].dtype), "category")

    def test_compare(self):
        r = self.st.compare(["OpenAI", "Anthropic"], as_of="2024-08-06",
                            spiral=False)
        want = cli("compare", "OpenAI", "Anthropic", "--as-of",
                   "2024-08-06", "--no-spiral")
        self.assertEqual(r, want)
        s = r.summary
        self.assertEqual(list(s.index), ["OpenAI", "Anthropic"])
        self.assertEqual(s.loc["OpenAI", "departures"],
                         want["organisations"][0]["departures"])

    def test_scan_is_the_clis_and_each_row_the_spiral(self):
        opts = dict(bootstrap=39, imputations=3, paths=300)
        r = self.st.scan(["OpenAI", "Google", "Anthropic"], **opts)
        want = cli("scan", "OpenAI", "Google", "Anthropic", "--bootstrap",
                   "39", "--imputations", "3", "--paths", "300")
        self.assertEqual(r, want)
        s = r.summary
        self.assertEqual(sorted(s.index), ["Anthropic", "Google", "OpenAI"])
        self.assertFalse(bool(s.loc["Anthropic", "fitted"]))
        # One answer: the row is the organisation's own spiral.
        sp = self.st.spiral("OpenAI", **opts)
        self.assertEqual(s.loc["OpenAI", "n"], sp.n)
        self.assertEqual(s.loc["OpenAI", "n_hi"], sp.n_interval[1])

    def test_scan_per_head_is_the_spiral_per_head(self):
        opts = dict(bootstrap=39, imputations=2, paths=300)
        r = self.st.scan([HR, "OpenAI"], baseline="headcount", **opts)
        self.assertEqual(r, cli("scan", HR, "OpenAI", "--baseline",
                                "headcount", "--bootstrap", "39",
                                "--imputations", "2", "--paths", "300"))
        self.assertTrue(r["baseline"]["per_head"])
        s = r.summary
        # No headcount from news moves: a row with its reason, not fitted.
        self.assertFalse(bool(s.loc["OpenAI", "fitted"]))
        sp = self.st.spiral(HR, baseline="headcount", **opts)
        self.assertEqual(s.loc[HR, "n"], sp.n)

    def test_runway(self):
        scen = os.path.join(ROOT, "data", "scenarios", "openai-2024.json")
        r = self.st.runway(scen, paths=300, seed=3)
        want = cli("runway", scen, "--paths", "300", "--seed", "3")
        self.assertEqual(r, want)
        with open(scen) as f:
            again = self.st.runway(json.load(f), paths=300, seed=3)
        self.assertEqual(again.monte_carlo, want["monte_carlo"])
        self.assertEqual(len(r.band("cash_usd")), want["months"] + 1)

    def test_plots(self):
        scen = os.path.join(ROOT, "data", "scenarios", "openai-2024.json")
        for res in (self.st.spiral("OpenAI", bootstrap=20, imputations=2,
                                   paths=100),
                    self.st.stats("OpenAI"),
                    self.st.survival(HR, by="team"),
                    self.st.flows(),
                    self.st.compare(["OpenAI", "Google"], spiral=False),
                    self.st.scan(["OpenAI", "Google"], bootstrap=20,
                                 imputations=2, paths=100),
                    self.st.runway(scen, paths=100)):
            out = io.StringIO()
            res.print_summary(file=out)
            self.assertGreater(len(out.getvalue().splitlines()), 1,
                               type(res).__name__ + " printed no table")
            ax = res.plot()
            self.assertIsInstance(ax, matplotlib.axes.Axes,
                                  type(res).__name__)
            self.assertTrue(ax.lines or ax.patches or ax.collections,
                            type(res).__name__ + " drew nothing")
            matplotlib.pyplot.close(ax.figure)


class TestImport(unittest.TestCase):
    def test_dataframe_import_equals_the_file_import(self):
        src = os.path.join(ROOT, "data", "ai-lab-moves.csv")
        df = pd.read_csv(src, dtype=str, keep_default_na=False)
        with tempfile.TemporaryDirectory() as tmp:
            a = exodus.Store(os.path.join(tmp, "a.db"), create=True)
            got = a.import_moves(df)
            self.assertEqual(got["rows"], len(df))
            self.assertEqual(got["new"], len(df))
            again = a.import_moves(df)
            self.assertEqual(again["present"], len(df))
            subprocess.run([EXE, "--db", os.path.join(tmp, "b.db"), "-q",
                            "import", "moves", src], check=True)
            self.assertEqual(cli("moves", db=os.path.join(tmp, "a.db")),
                             cli("moves", db=os.path.join(tmp, "b.db")))
            self.assertEqual(len(a.moves()), len(df))

    def test_bad_row_names_the_dataframe_row_and_writes_nothing(self):
        df = pd.DataFrame({"person": ["A B", "C D", "E F"],
                           "level": ["exec", "exec", "exec"],
                           "from_org": ["X", "X", "X"],
                           "to_org": ["Y", "Y", "Y"],
                           "event": ["left", "left", "left"],
                           "date": ["2024-01-02", "2024-02-30",
                                    "2024-03-04"]})
        with tempfile.TemporaryDirectory() as tmp:
            st = exodus.Store(os.path.join(tmp, "s.db"), create=True)
            with self.assertRaises(exodus.ExodusError) as cm:
                st.import_moves(df)
            e = cm.exception
            self.assertEqual(e.file, "DataFrame")
            self.assertNotIn(".csv", str(e))
            self.assertEqual(e.errors[0].line, 1)  # df.iloc[1]
            self.assertIn("2024-02-30", str(e.errors[0]))
            self.assertIn("DataFrame row 1", str(e.errors[0]))
            self.assertIn("'date'", str(e.errors[0]))
            self.assertEqual(len(st.moves()), 0)

    def test_datetime_columns_are_written_as_dates(self):
        df = pd.DataFrame({"person": ["A B"], "from_org": ["X"],
                           "level": ["exec"],
                           "to_org": ["Y"], "event": ["left"],
                           "date": pd.to_datetime(["2024-05-06"])})
        with tempfile.TemporaryDirectory() as tmp:
            st = exodus.Store(os.path.join(tmp, "s.db"), create=True)
            st.import_moves(df)
            m = st.moves()
            self.assertEqual(m["date"].iloc[0], pd.Timestamp("2024-05-06"))
            self.assertEqual(m["precision"].iloc[0], "day")


class TestFrames(Rel):
    """km(df, ...) and cox(df, formula) read a DataFrame as 'exodus
    survival --data' reads the file."""

    def test_km_by_group_matches_the_cli_and_r(self):
        lung = pd.read_csv(ref_csv("lung.csv"), na_values="NA")
        fit = exodus.km(lung, "time", "status", by="sex")
        want = cli("survival", "--data", ref_csv("lung.csv"), "--time",
                   "time", "--event", "status", "--by", "sex")["km"]
        r = ref("lung_km_sex.json")
        self.assertEqual(list(fit.curves), [g["group"]
                                            for g in want["groups"]])
        for (label, c), g, rs in zip(fit.curves.items(), want["groups"],
                                     r["strata"]):
            self.assertAllRel(c.surv, g["surv"], 1e-12, label + " surv")
            self.assertAllRel(c.surv, rs["surv"], 1e-6, label + " R surv")
            self.assertEqual(c.median, g["median"])
        s = fit.summary
        self.assertEqual(list(s["n"]), [g["n"] for g in want["groups"]])
        self.assertIsInstance(fit.plot(), matplotlib.axes.Axes)

    def test_cox_with_factors_matches_the_cli_and_r(self):
        df = pd.read_csv(ref_csv("turnover.csv"), encoding="latin-1")
        formula = ("age + extraversion + independ + selfcontrol + anxiety"
                   " + novator + gender + way")
        fit = exodus.cox(df, "Surv(stag, event) ~ " + formula)
        want = cli("survival", "--data", ref_csv("turnover.csv"), "--time",
                   "stag", "--event", "event", "--cox", formula)["cox"]
        r = ref("turnover_coxph_efron.json")
        self.assertEqual(fit.names, r["terms"])
        self.assertEqual(fit.names, want["terms"])
        self.assertAllRel(fit.coef, want["coef"], 1e-12, "coef vs CLI")
        self.assertAllRel(fit.coef, r["coef"], 1e-6, "coef vs R")
        self.assertAllRel(fit.se, r["se"], 1e-6, "se vs R")
        self.assertRel(fit.loglik, r["loglik"], 1e-9, "loglik vs R")
        t = fit.summary
        self.assertEqual(list(t.index), r["terms"])
        self.assertRel(t.loc["wayfoot", "exp_coef"],
                       r["exp_coef"][r["terms"].index("wayfoot")], 1e-6,
                       "HR wayfoot")

    def test_cox_event_value_factor_and_reference_level(self):
        path = ref_csv("WA_Fn-UseC_-HR-Employee-Attrition.csv")
        df = pd.read_csv(path, encoding="utf-8-sig")
        terms = ("MonthlyIncome + OverTime + JobSatisfaction + Age + "
                 "DistanceFromHome")
        fit = exodus.cox(df, "Surv(YearsAtCompany, Attrition=Yes) ~ "
                         + terms)
        r = ref("ibm_coxph_efron.json")
        self.assertEqual(fit.names, r["terms"])
        self.assertAllRel(fit.coef, r["coef"], 1e-6, "coef vs R")
        flipped = exodus.cox(df, "Surv(YearsAtCompany, Attrition=Yes) ~ "
                             + terms, ref={"OverTime": "Yes"})
        self.assertIn("OverTimeNo", flipped.names)
        k = flipped.names.index("OverTimeNo")
        self.assertRel(flipped.coef[k], -r["coef"][1], 1e-6,
                       "the other reference level flips the sign")

    def test_cox_mapping_with_text_is_a_factor(self):
        """The sequence form takes factors too ("'Meats' is not a number"
        was the old answer): the same fit as the formula."""
        df = pd.read_csv(ref_csv("turnover.csv"), encoding="latin-1")
        a = exodus.cox(list(df["stag"]), list(df["event"]),
                       {"age": list(df["age"]), "way": list(df["way"])},
                       strata=list(df["gender"]))
        b = exodus.cox(df, "Surv(stag, event) ~ age + way + strata(gender)")
        self.assertEqual(a.names, ["age", "waycar", "wayfoot"])
        self.assertEqual(a.coef, b.coef)

    def test_cox_strata_matches_the_cli(self):
        df = pd.read_csv(ref_csv("turnover.csv"), encoding="latin-1")
        fit = exodus.cox(df, "Surv(stag, event) ~ age + anxiety + "
                         "strata(gender)")
        want = cli("survival", "--data", ref_csv("turnover.csv"), "--time",
                   "stag", "--event", "event", "--cox",
                   "age + anxiety + strata(gender)")["cox"]
        self.assertEqual(fit.names, want["terms"])
        self.assertAllRel(fit.coef, want["coef"], 1e-12, "coef")
        self.assertRel(fit.loglik, want["loglik"], 1e-12, "loglik")

    def test_model_results_have_tables_and_plots(self):
        lung = pd.read_csv(ref_csv("lung.csv"), na_values="NA")
        cox = exodus.cox(lung, "Surv(time, status) ~ age + sex + ph.ecog")
        r = ref("lung_coxph_efron.json")
        self.assertEqual(list(cox.summary.index), r["terms"])
        self.assertAllRel(list(cox.summary["exp_coef"]), r["exp_coef"], 1e-6,
                          "exp(coef) vs R")
        self.assertIsInstance(cox.plot(), matplotlib.axes.Axes)
        lr = exodus.logrank(list(lung["time"]), list(lung["status"]),
                            list(lung["sex"]))
        want = ref("lung_logrank_sex.json")
        self.assertAllRel(list(lr.summary["expected"]), want["expected"],
                          1e-10, "log-rank expected vs R")
        for res in (cox, lr):
            out = io.StringIO()
            res.print_summary(file=out)
            self.assertIn("\n", out.getvalue())
        matplotlib.pyplot.close("all")

    def test_event_codes_1_2_as_the_cli(self):
        lung = pd.read_csv(ref_csv("lung.csv"), na_values="NA")
        a = exodus.km(list(lung["time"]), list(lung["status"]))
        b = exodus.km(list(lung["time"]), [s - 1 for s in lung["status"]])
        self.assertEqual(a.curve.surv, b.curve.surv)

    def test_formula_errors(self):
        df = pd.DataFrame({"t": [1, 2], "e": [1, 0]})
        with self.assertRaises(ValueError):
            exodus.cox(df, "t ~ x")
        with self.assertRaises(exodus.ExodusError) as cm:
            exodus.cox(df, "Surv(t, e) ~ nosuch")
        self.assertIn("nosuch", str(cm.exception))


class TestSpiralOnDates(unittest.TestCase):
    DATES = ["2024-01", "2024-02-03", "2024", "2024-05", "2024-06-01",
             "2024-06-09", "2024-07", "2024-09-01", "2024-09-12", "2024-10",
             "2024-10-03", "2024-11-21"]

    def test_iso_dates_with_precision_as_the_cli_reads_them(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "events.csv")
            with open(path, "w") as f:
                f.write("date\n" + "\n".join(self.DATES) + "\n")
            want = cli("spiral", "--events", path, "--time", "date",
                       "--bootstrap", "39")
        got = exodus.spiral(pd.Series(self.DATES), bootstrap=39)
        self.assertEqual(got, want)

    def test_datetime_series_is_days(self):
        s = pd.Series(pd.to_datetime([d for d in self.DATES
                                      if len(d) == 10]))
        got = exodus.spiral(s, bootstrap=20, imputations=1, paths=50)
        self.assertEqual(got.time_unit, "day")
        self.assertEqual(got.events, len(s))
        self.assertEqual(got.window["start"], "2024-02-03")

    def test_too_few_events_says_so(self):
        r = exodus.spiral([1.0, 2.0, 3.0])
        self.assertEqual(r.verdict["kind"], "insufficient data")
        self.assertTrue(r.verdict["decide"])


class TestExample(unittest.TestCase):
    def test_hr_example_runs_to_a_verdict(self):
        script = os.path.join(ROOT, "examples", "hr_retention.py")
        with tempfile.TemporaryDirectory() as tmp:
            p = subprocess.run(
                [os.environ.get("PYTHON_EXE") or __import__("sys").executable,
                 script, "--out", tmp], capture_output=True, text=True,
                env=dict(os.environ, MPLBACKEND="Agg"))
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("verdict:", p.stdout)
            self.assertIn("contagion", p.stdout)
            for f in ("retention.png", "contagion.png", "timeline.png"):
                self.assertGreater(os.path.getsize(os.path.join(tmp, f)),
                                   1000, f)


if __name__ == "__main__":
    unittest.main()
