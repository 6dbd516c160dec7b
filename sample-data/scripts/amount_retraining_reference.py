#!/usr/bin/python3
"""What retraining every month does for a model of amounts after a change, by scikit-learn on the very rows the guided
check drew, for ui/wizard/AmountRetrainingRunTest.

Data: src/test/resources/whatif/amounts/diabetes.csv, scikit-learn's diabetes as shipped in sample-data/public
(unscaled), with `patient` its row (1-based). The check replays it as any file: the first 221 rows are the reference
the model learns from, the other 221 are drawn 400 a step with replacement for 30 steps; "prices or incomes shift (a
lot)" multiplies bmi, the most telling number, by up to 1.5 (ramping in from step 3, complete at step 12).

Input: src/test/resources/whatif/amounts/draws.csv, every draw from step 5 of the run with retraining (step, place
in the step, patient, bmi as the model saw it, to 9 significant digits), as the test records it; the unchanged run
draws the same patients with their own bmi, the changed run the same moved values.

Models, as the run's: scikit-learn's Ridge(alpha=1) on the features standardised on the training rows (ddof 1),
    reference  fitted on all 221 reference rows; it answers the unchanged and the changed draws;
    retrained  refitted every four steps s = 8, ..., 28 on the drawn rows of steps s-3..s as drawn (moved bmi),
               answering from step s+1 on.
Every draw from step 12 is judged by its absolute error. expected.json: the MAE of each run; the paired comparisons
unchanged->changed ("fall"), unchanged->retrained ("from_unchanged") and changed->retrained ("from_changed") as the
check makes them, each pair standing for rows/draws different patients (rows the expected number of different ones
among the draws from the 221: 1 - (1 - 1/221)^draws of them): the mean change of the absolute error, its t interval and
two-sided p with the standard error sd/sqrt(rows) and rows - 1 degrees of freedom, and Wilcoxon's signed-rank test
(zeros dropped, ties corrected, no continuity correction: scipy's wilcoxon(method="approx") z) with its z scaled by
sqrt(rows/nonzero differences); "worse" when the
interval is above 0 and both p < 0.05, "better" the mirror; and the outcome by the check's rule: FIXES when retrained
against unchanged is not worse by at least 5% of the unchanged error, else HELPS when retrained against changed wins
back at least 5% and is better, else DOES_NOT_HELP.

Run from the repository root: /usr/bin/python3 sample-data/scripts/amount_retraining_reference.py
"""
import json
import math

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.linear_model import Ridge

OUT = "src/test/resources/whatif/amounts/"
FULL_FROM = 12

data = pd.read_csv(OUT + "diabetes.csv")
features = [c for c in data.columns if c not in ("patient", "target")]
half = len(data) // 2
by_patient = data.set_index("patient")
draws = pd.read_csv(OUT + "draws.csv")


def fit(rows):
    x = rows[features].to_numpy(float)
    mean, sd = x.mean(axis=0), x.std(axis=0, ddof=1)
    model = Ridge(alpha=1.0).fit((x - mean) / sd, rows["target"].to_numpy(float))
    return lambda frame: model.predict((frame[features].to_numpy(float) - mean) / sd)


def rows_of(selected, moved):
    frame = by_patient.loc[selected["patient"].to_numpy()].reset_index()
    if moved:
        frame["bmi"] = selected["bmi"].to_numpy()
    return frame


judged = draws[draws["step"] >= FULL_FROM].reset_index(drop=True)
truth = rows_of(judged, False)["target"].to_numpy(float)
reference = fit(data.iloc[:half])
unchanged = np.abs(reference(rows_of(judged, False)) - truth)
changed = np.abs(reference(rows_of(judged, True)) - truth)
retrained = np.zeros(len(judged))
for s in range(8, 29, 4):
    window = fit(rows_of(draws[(draws["step"] >= s - 3) & (draws["step"] <= s)], True))
    serves = ((judged["step"] > s) & (judged["step"] <= s + 4)).to_numpy()
    retrained[serves] = np.abs(window(rows_of(judged[serves], True)) - truth[serves])

n = len(judged)
pool = len(data) - half
rows = round(n * min(1.0, pool * -math.expm1(n * math.log1p(-1.0 / pool)) / n))


def paired(before, after):
    d = after - before
    se = d.std(ddof=1) / math.sqrt(rows)
    t = stats.t(rows - 1)
    half_width = t.ppf(0.975) * se
    p = 2 * t.sf(abs(d.mean() / se))
    nonzero = d[d != 0]
    m = len(nonzero)
    ranks = stats.rankdata(np.abs(nonzero))
    plus = ranks[nonzero > 0].sum()
    _, ties = np.unique(np.abs(nonzero), return_counts=True)
    sd = math.sqrt((m * (m + 1) * (2 * m + 1) - 0.5 * (ties * (ties * ties - 1)).sum()) / 24)
    z = (min(plus, m * (m + 1) / 2 - plus) - m * (m + 1) / 4) / sd
    # scipy's own p of the same z (unscaled) as a check of the statistic
    assert abs(2 * stats.norm.sf(abs(z)) - stats.wilcoxon(d, method="approx", correction=False).pvalue) < 1e-12
    wilcoxon_p = math.erfc(abs(z) * math.sqrt(rows / m) / math.sqrt(2))
    low, high = d.mean() - half_width, d.mean() + half_width
    return {"n": n, "before": before.mean(), "after": after.mean(), "low": low, "high": high, "p": p,
            "wilcoxon_p": wilcoxon_p, "worse": bool(low > 0 and p < 0.05 and wilcoxon_p < 0.05),
            "better": bool(high < 0 and p < 0.05 and wilcoxon_p < 0.05)}


fall, fixes, helps = paired(unchanged, changed), paired(unchanged, retrained), paired(changed, retrained)
hurt = fixes["worse"] and (fixes["after"] - fixes["before"]) / fixes["before"] >= 0.05
gain = helps["before"] - helps["after"] >= 0.05 * helps["before"]
expected = {
    "draws": n, "rows": rows,
    "unchanged": {"mae": unchanged.mean()}, "changed": {"mae": changed.mean()}, "retrained": {"mae": retrained.mean()},
    "fall": fall, "from_unchanged": fixes, "from_changed": helps,
    "outcome": "FIXES" if not hurt else "HELPS" if gain and helps["better"] else "DOES_NOT_HELP",
}
expected = json.loads(json.dumps(expected, default=float))
with open(OUT + "expected.json", "w") as out:
    json.dump(expected, out, indent=2)
    out.write("\n")
print(json.dumps(expected, indent=2))
