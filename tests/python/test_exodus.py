"""Tests of the Python module (python/exodus) against an installed libexodus.

Run by tests/install/run with Debian's python3, with PYTHONPATH at the
staged install, so the module finds the staged library the way an installed
one does. Values are checked against the same shared references as the C
tests: shared/data/hawkes/reference.json (an independent numpy/scipy fit)
and shared/data/survival-ref (R 4.2.2, survival 3.5.3).

The layout test compiles a C program, made from the ctypes declarations,
that prints sizeof and offsetof of every mirrored struct and field with the
installed exodus.h ($CC and pkg-config's flags for exodus).
"""

import array
import ctypes
import csv
import json
import math
import os
import shlex
import subprocess
import tempfile
import unittest

import exodus

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SHARED = os.environ.get("EXO_SHARED") or os.path.join(ROOT, "..", "shared")


def shared(*parts):
    return os.path.join(SHARED, "data", *parts)


def load_json(*parts):
    with open(shared(*parts)) as f:
        return json.load(f)


def read_times(name):
    with open(shared("hawkes", name)) as f:
        return [float(line) for line in f
                if line.strip() and not line.startswith("#")]


def read_lung():
    """lung.csv as columns; "NA" is None."""
    with open(shared("survival-ref", "lung.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    def col(name):
        return [None if r[name] == "NA" else float(r[name]) for r in rows]
    return {k: col(k) for k in ("time", "status", "age", "sex", "ph.ecog")}


class Tolerance(unittest.TestCase):
    def assertRel(self, got, want, rtol, what):
        """|got - want| <= rtol |want|, printing both on failure."""
        if want is None:
            self.assertIsNone(got, what)
            return
        self.assertTrue(
            abs(got - want) <= rtol * abs(want),
            "%s: got %.17g, expected %.17g (rtol %g)" % (what, got, want,
                                                         rtol))


class TestLibrary(unittest.TestCase):
    def test_version_matches_header(self):
        self.assertRegex(exodus.version(), r"^\d+\.\d+\.\d+$")
        expect = os.environ.get("EXO_VERSION")
        if expect:
            self.assertEqual(exodus.version(), expect)

    def test_loads_the_installed_library(self):
        """The staged install's library (tests/install sets
        EXO_EXPECT_LIBDIR), else the one a pip-installed wheel bundles,
        else (python/ on PYTHONPATH in a checkout) build/'s."""
        bundled = os.path.join(os.path.dirname(exodus.__file__), "_lib")
        want = os.environ.get("EXO_EXPECT_LIBDIR") or (
            bundled if os.path.isdir(bundled)
            else os.path.join(ROOT, "build"))
        self.assertEqual(os.path.dirname(os.path.realpath(
            exodus.library_path)), os.path.realpath(want))

    def test_struct_layout_matches_the_header(self):
        """sizeof, and offsetof and size of each field, in C and ctypes."""
        cc = shlex.split(os.environ.get("CC") or "cc")
        # The installed exodus.h (tests/install), else the source tree's
        # (a wheel installed beside a checkout, tests/python/run).
        pc = subprocess.run(["pkg-config", "--cflags", "exodus"],
                            capture_output=True, text=True)
        cflags = (pc.stdout.split() if pc.returncode == 0
                  else ["-I" + os.path.join(ROOT, "include")])
        lines = ["#include <stddef.h>", "#include <stdio.h>",
                 "#include <exodus.h>", "int main(void)", "{"]
        want = []
        structs = dict(exodus.STRUCTS, **exodus.store.STRUCTS)
        for cname, py in sorted(structs.items()):
            lines.append('printf("%%zu\\n", sizeof(%s));' % cname)
            want.append(("sizeof(%s)" % cname, ctypes.sizeof(py)))
            for fname, _ in py._fields_:
                desc = getattr(py, fname)
                lines.append('printf("%%zu\\n", offsetof(%s, %s));'
                             % (cname, fname))
                want.append(("offsetof(%s, %s)" % (cname, fname),
                             desc.offset))
                lines.append('printf("%%zu\\n", sizeof(((%s *)0)->%s));'
                             % (cname, fname))
                want.append(("sizeof(%s.%s)" % (cname, fname), desc.size))
        lines += ["return 0;", "}"]
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "layout.c")
            exe = os.path.join(tmp, "layout")
            with open(src, "w") as f:
                f.write("\n".join(lines) + "\n")
            subprocess.run(cc + ["-std=c11"] + cflags + [src, "-o", exe],
                           check=True)
            got = subprocess.run([exe], check=True, capture_output=True,
                                 text=True).stdout.split()
        self.assertEqual(len(got), len(want))
        bad = ["%s: C %s, ctypes %d" % (what, g, w)
               for (what, w), g in zip(want, got) if int(g) != w]
        self.assertEqual(bad, [], "ctypes declarations differ from exodus.h")


class TestHawkes(Tolerance):
    def setUp(self):
        self.ref = load_json("hawkes", "reference.json")["datasets"]["u1k"]
        self.times = read_times("u1k.txt")

    def test_fit_matches_reference(self):
        r = self.ref
        fit = exodus.hawkes(self.times, window=(0, r["T"]))
        self.assertIsInstance(fit, exodus.HawkesFit)
        self.assertEqual(fit.n_events, r["N"])
        self.assertTrue(fit.converged)
        self.assertRel(fit.loglik, r["loglik_mle"], 1e-9, "loglik")
        self.assertRel(fit.mu[0], r["mle"]["mu"], 1e-6, "mu")
        self.assertRel(fit.alpha, r["mle"]["alpha"], 1e-6, "alpha")
        self.assertRel(fit.beta, r["mle"]["beta"], 1e-6, "beta")
        self.assertRel(fit.n, r["mle"]["n"], 1e-6, "n")
        self.assertRel(fit.n_se, r["se"]["n"], 1e-4, "SE n")
        self.assertRel(fit.loglik_poisson, r["loglik_poisson"], 1e-12,
                       "Poisson loglik")
        self.assertRel(fit.lr, r["LR"], 1e-8, "LR")
        lo, hi = fit.n_profile
        self.assertTrue(lo < fit.n < hi)
        self.assertEqual(fit.window, (0.0, r["T"]))
        self.assertEqual(len(fit.cov), 3)
        self.assertRel(math.sqrt(fit.cov[0][0]), fit.mu_se[0], 1e-12,
                       "cov diagonal")

    def test_any_sequence_of_numbers(self):
        """Tuples, array('d'), generators, ints, and order does not
        matter: the times are a set."""
        T = self.ref["T"]
        want = exodus.hawkes(self.times, window=(0, T), profile=False).n
        backwards = tuple(reversed(self.times))
        for seq in (backwards, array.array("d", self.times),
                    (t for t in self.times)):
            fit = exodus.hawkes(seq, window=(0, T), profile=False)
            self.assertRel(fit.n, want, 1e-12, type(seq).__name__)
            self.assertIsNone(fit.n_profile)

    def test_numpy_arrays(self):
        # scripts/deps installs python3-numpy: without it this fails.
        import numpy
        T = self.ref["T"]
        want = exodus.hawkes(self.times, window=(0, T), profile=False).n
        for a in (numpy.array(self.times),
                  numpy.array(self.times, dtype=numpy.float32),
                  numpy.array(self.times)[::1]):
            fit = exodus.hawkes(a, window=(0, T), profile=False)
            self.assertRel(fit.n, want, 1e-5, str(a.dtype))

    def test_forecast(self):
        fit = exodus.hawkes(self.times, window=(0, self.ref["T"]),
                            horizon=30, paths=2000)
        f = fit.forecast
        self.assertEqual(f.n_paths, 2000)
        self.assertTrue(f.interval95[0] <= f.median <= f.interval95[1])

    def test_exact_ties_raise_with_the_library_message(self):
        with self.assertRaises(exodus.ExodusError) as cm:
            exodus.hawkes([1, 2, 2, 3, 5, 8, 8, 9], window=(0, 10))
        e = cm.exception
        self.assertEqual(e.code_name, "EXO_ENUMERIC")
        self.assertIn("tie", e.message)
        self.assertIn(e.message, str(e))

    def test_too_few_events(self):
        with self.assertRaises(exodus.ExodusError) as cm:
            exodus.hawkes([1.0, 2.0])
        self.assertTrue(cm.exception.message)

    def test_spread_ties_then_fit(self):
        days = [0, 0, 3, 3, 3, 7, 9, 9, 12, 20, 21, 21, 30, 31, 31, 40]
        spread = exodus.spread_ties(days, [1.0] * len(days), seed=1)
        self.assertEqual(spread, sorted(spread))
        self.assertEqual(len(set(spread)), len(days))
        fit = exodus.hawkes(spread, window=(0, 41))
        self.assertTrue(math.isfinite(fit.loglik))

    def test_not_numbers(self):
        with self.assertRaises(TypeError):
            exodus.hawkes([1.0, "two", 3.0])
        with self.assertRaises(TypeError):
            exodus.hawkes("123")


class TestSpiral(Tolerance):
    """spiral() is the analysis layer's answer: the fields of 'exodus
    spiral --json', from the same C function."""

    def setUp(self):
        self.ref = load_json("hawkes", "reference.json")["datasets"]["u1k"]
        self.times = read_times("u1k.txt")

    def test_same_answer_as_the_cli(self):
        exe = os.environ.get("EXODUS") or os.path.join(
            os.path.dirname(__file__), "..", "..", "build", "exodus")
        if not os.path.exists(exe):
            self.fail("no exodus executable at %s (set EXODUS)" % exe)
        path = shared("hawkes", "u1k.txt")
        cli = json.loads(subprocess.run(
            [exe, "spiral", "--events", path, "--window", "0:400",
             "--horizon", "30", "--paths", "500", "--bootstrap", "39",
             "--json"], check=True, capture_output=True, text=True).stdout)
        py = exodus.spiral(self.times, window=(0, 400), horizon=30,
                           paths=500, bootstrap=39)
        self.assertEqual(py, cli)

    def test_contagion_found_in_a_self_exciting_stream(self):
        a = exodus.spiral(self.times, window=(0, self.ref["T"]),
                          bootstrap=39, paths=500, horizon=10)
        self.assertEqual(a["verdict"]["kind"], "self-exciting but subcritical")
        lo, hi = a["n_interval"]
        self.assertTrue(lo < self.ref["mle"]["n"] < hi)
        self.assertEqual(a["test"]["method"], "parametric bootstrap")
        self.assertEqual(a["test"]["replicates"], 39)
        self.assertLess(a["test"]["p"], 0.05)

    def test_too_few_events_is_a_verdict_not_an_error(self):
        a = exodus.spiral([1.0, 2.0, 5.0], window=(0, 10))
        self.assertEqual(a["verdict"]["kind"], "insufficient data")
        self.assertTrue(a["verdict"]["decide"])

    def test_bad_arguments(self):
        with self.assertRaises(ValueError):
            exodus.spiral([1.0, 2.0], baseline="wavy")
        with self.assertRaises(TypeError):
            exodus.spiral([1.0, "two", 3.0])


class TestSurvival(Tolerance):
    def setUp(self):
        self.lung = read_lung()
        self.event = [int(s) - 1 for s in self.lung["status"]]  # 1/2 -> 0/1

    def test_km_lung_by_sex_matches_r(self):
        ref = load_json("survival-ref", "lung_km_sex.json")
        fit = exodus.km(self.lung["time"], self.event,
                        group=[int(s) for s in self.lung["sex"]])
        self.assertEqual(sorted(fit.curves), [1, 2])
        for stratum, label in zip(ref["strata"], (1, 2)):
            c = fit.curves[label]
            self.assertEqual(c.n, stratum["n"])
            self.assertEqual(c.n_events, stratum["events"])
            self.assertEqual(len(c.time), len(stratum["time"]))
            for i, (got, want) in enumerate(zip(c.surv, stratum["surv"])):
                self.assertRel(got, want, 1e-10, "surv[%d]" % i)
            for i, (got, want) in enumerate(zip(c.lower, stratum["lower"])):
                self.assertRel(got, want, 1e-9, "lower[%d]" % i)
            self.assertRel(c.median, stratum["median"], 1e-12, "median")
            self.assertRel(c.median_lower, stratum["median_lower_0.95"],
                           1e-12, "median lower")
            self.assertRel(c.median_upper, stratum["median_upper_0.95"],
                           1e-12, "median upper")
            self.assertEqual(c.at(c.time[0] - 1), 1.0)
            self.assertEqual(c.at(c.time[2]), c.surv[2])
            self.assertIsNone(c.at(c.time[-1] + 1))

    def test_km_ungrouped_and_string_labels(self):
        fit = exodus.km(self.lung["time"], self.event)
        self.assertEqual(fit.curve.n, 228)
        labels = ["male" if s == 1 else "female" for s in self.lung["sex"]]
        by = exodus.km(self.lung["time"], self.event, group=labels)
        self.assertEqual(sorted(by.curves), ["female", "male"])
        self.assertEqual(by.curves["male"].n, 138)

    def test_logrank_lung_sex_matches_r(self):
        ref = load_json("survival-ref", "lung_logrank_sex.json")
        t = exodus.logrank(self.lung["time"], self.event,
                           [int(s) for s in self.lung["sex"]])
        self.assertRel(t.chisq, ref["chisq"], 1e-10, "chisq")
        self.assertEqual(t.df, ref["df"])
        self.assertRel(t.p_value, ref["p_value"], 1e-9, "p")
        for i in range(2):
            self.assertRel(t.expected[i], ref["expected"][i], 1e-10,
                           "expected[%d]" % i)

    def test_cox_lung_efron_matches_r(self):
        ref = load_json("survival-ref", "lung_coxph_efron.json")
        x = {"age": self.lung["age"], "sex": self.lung["sex"],
             "ph.ecog": self.lung["ph.ecog"]}
        fit = exodus.cox(self.lung["time"], self.event, x)
        self.assertIsInstance(fit, exodus.Cox)
        self.assertEqual(fit.names, ref["terms"])
        self.assertEqual(fit.n, ref["n"])
        self.assertEqual(fit.n_events, ref["nevent"])
        self.assertEqual(fit.n_missing, ref["n_dropped_missing"])
        for k in range(3):
            self.assertRel(fit.coef[k], ref["coef"][k], 1e-6, "coef[%d]" % k)
            self.assertRel(fit.se[k], ref["se"][k], 1e-6, "se[%d]" % k)
            self.assertRel(fit.hr[k], ref["exp_coef"][k], 1e-6,
                           "hr[%d]" % k)
        self.assertRel(fit.loglik, ref["loglik"], 1e-9, "loglik")
        self.assertRel(fit.loglik_null, ref["loglik_null"], 1e-9,
                       "loglik null")
        self.assertRel(fit.lr_test, ref["lr_test"]["statistic"], 1e-6, "LR")
        self.assertRel(fit.concordance, ref["concordance"]["concordance"],
                       1e-9, "concordance")

    def test_cox_rows_and_breslow(self):
        ref = load_json("survival-ref", "lung_coxph_breslow.json")
        rows = [(a, s, e) for a, s, e in zip(self.lung["age"],
                                             self.lung["sex"],
                                             self.lung["ph.ecog"])]
        fit = exodus.cox(self.lung["time"], self.event, rows,
                         ties="breslow", names=["age", "sex", "ph.ecog"])
        for k in range(3):
            self.assertRel(fit.coef[k], ref["coef"][k], 1e-6, "coef[%d]" % k)

    def test_cox_error_names_the_covariate(self):
        n = len(self.lung["time"])
        with self.assertRaises(exodus.ExodusError) as cm:
            exodus.cox(self.lung["time"], self.event,
                       {"age": self.lung["age"], "constant": [1.0] * n})
        self.assertIn("constant", str(cm.exception))

    def test_bad_arguments(self):
        with self.assertRaises(ValueError):
            exodus.km([1, 2, 3], [1, 3, 1])
        with self.assertRaises(ValueError):
            exodus.km([1, 2, 3], [0, 2, 1])  # 0/1 and 1/2 mixed
        with self.assertRaises(ValueError):
            exodus.km([1, 2, 3], [1, 0])
        with self.assertRaises(ValueError):
            exodus.km([1, 2, 3], [1, 0, 1], ci="sideways")


if __name__ == "__main__":
    unittest.main()
