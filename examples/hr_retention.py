#!/usr/bin/env python3
"""From an HR export to retention curves, a Cox model with contagion and a
verdict, the way a notebook would do it (one cell per section).

    python3 examples/hr_retention.py [--export FILE.csv.gz] [--out DIR]

The export is the bundled HR sample (data/hr/emp_tmnt.csv.gz, one row per
employee and year; data/hr/README.md). It writes DIR/hr.db (a fresh store),
DIR/retention.png, DIR/contagion.png and DIR/timeline.png, and prints the
tables and the verdict. Needs pandas and matplotlib besides exodus.
"""

import argparse
import os
import sys

import matplotlib
import pandas as pd

import exodus

HERE = os.path.dirname(os.path.abspath(__file__))
ORG = "Canadian retailer (HR sample)"

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("--export", default=os.path.join(HERE, "..", "data", "hr",
                                                 "emp_tmnt.csv.gz"))
ap.add_argument("--out", default=".")
args = ap.parse_args()
if not os.environ.get("DISPLAY"):
    matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# ---- 1. The HR export, as it comes: one row per employee and year ----
export = pd.read_csv(args.export)
print("export: %d rows, %d employees, %d departments"
      % (len(export), export["EmployeeID"].nunique(),
         export["department_name"].nunique()))

# ---- 2. Into a store: one spell per employee (the rows fold into it) ----
db = os.path.join(args.out, "hr.db")
if os.path.exists(db):
    os.remove(db)
st = exodus.Store(db, create=True)
res = st.import_spells(
    export, org=ORG,
    map="id=EmployeeID,start=orighiredate_key,end=terminationdate_key,"
        "team=department_name,role=job_title,end_reason=termreason_desc",
    date_format="%m/%d/%Y", null_date="1/1/1900",
    reason_map="Resignaton=left,Retirement=left,Layoff=fired,"
               "Not Applicable=")
print("imported: %(rows)d rows -> %(new)d spells" % res)

spells = st.spells(ORG)
censor = spells["end"].max()  # open spells are followed to the last exit
spells["tenure_years"] = ((spells["end"].fillna(censor) - spells["start"])
                          .dt.days / 365.25)
big = spells["team"].value_counts().head(4).index
print(spells.groupby("team", observed=True)["left"].agg(["size", "mean"])
      .sort_values("size", ascending=False).head(6))

# ---- 3. Retention curves of the four largest departments ----
curves = exodus.km(spells[spells["team"].isin(big)], "tenure_years", "left",
                   by="team")
print(curves.summary.to_string(index=False))
ax = curves.plot()
ax.set_xlabel("years since hire")
ax.set_title("retention by department")
ax.figure.savefig(os.path.join(args.out, "retention.png"), dpi=80)
plt.close(ax.figure)

# ---- 4. Does a co-worker's departure raise your own hazard? ----
surv = st.survival(ORG, cox="contagion(90)")
cox = surv.cox_table
print(cox.to_string())
hr = cox.loc["contagion(90)"]
fig, ax = plt.subplots()
ax.errorbar([hr["exp_coef"]], [0], xerr=[[hr["exp_coef"] -
                                          hr["exp_coef_lower"]],
                                         [hr["exp_coef_upper"] -
                                          hr["exp_coef"]]], fmt="o")
ax.axvline(1.0, color="grey", ls="--")
ax.set_yticks([0])
ax.set_yticklabels(["a co-worker left in the 90 days before"])
ax.set_xlabel("hazard ratio of leaving")
fig.tight_layout()
fig.savefig(os.path.join(args.out, "contagion.png"), dpi=80)
plt.close(fig)
print("contagion: each departure of a co-worker in the last 90 days "
      "multiplies the hazard of leaving by %.3f (95%% CI %.3f-%.3f)"
      % (hr["exp_coef"], hr["exp_coef_lower"], hr["exp_coef_upper"]))

# ---- 5. The verdict: is attrition feeding on itself? ----
spiral = st.spiral(ORG)
spiral.print_summary()
ax = spiral.plot()
ax.figure.savefig(os.path.join(args.out, "timeline.png"), dpi=80)
plt.close(ax.figure)
print("verdict: " + spiral.verdict["kind"])
st.close()
sys.exit(0)
