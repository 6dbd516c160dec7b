#!/usr/bin/python3
"""What retraining every month does for a model of kinds after a change, by scikit-learn on the very rows the guided
check drew, for sim/whatif/KindsRetrainingRunTest.

Data: src/test/resources/whatif/kinds/wine.csv, scikit-learn's UCI wine as src/test/resources/wizard/wine-shuffled.csv
has it (shuffled, pandas random_state 7, by wizard_tasks_reference.py), with `wine` its row there (1-based). The check
replays it as any file: the first 89 wines are the reference, the other 89 are drawn 400 a step with replacement for
30 steps; "prices or incomes shift (a lot)" makes the most telling number (proline) up to 50% higher, complete at
step 12.

Input: src/test/resources/whatif/kinds/draws.csv, every draw from step 5 of the run with retraining (step, place, wine,
the moved number as the model saw it, to 9 significant digits), as the test records it; the unchanged run draws the
same wines unmoved, the changed run moves them the same.

Models, as the run's: scikit-learn's multinomial LogisticRegression(C=1000, i.e. lambda 0.001) on the features
standardised on the training rows (ddof 1),
    reference  fitted on all 89 reference wines; it answers the unchanged and the changed draws;
    retrained  refitted every four steps s = 8, ..., 28 on the drawn rows of steps s-3..s as drawn (moved), answering
               from step s+1 on.
answers.csv: per draw from step 12: step, place, the class index (in sorted order, as the run's) answered unchanged,
changed and retrained, and the label. expected.json: each run's share right; the fall unchanged->changed judged as the
check does (pairs as the different wines they stand for, statsmodels' exact McNemar, Newcombe's method 10) and the
outcome by the check's rule (FIXES / HELPS / DOES_NOT_HELP, as churn_retraining_reference.py).

Run from the repository root: /usr/bin/python3 sample-data/scripts/kinds_retraining_reference.py
"""
import json
import math

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from paired_check import outcome as rule
from paired_check import paired as check

OUT = "src/test/resources/whatif/kinds/"
FULL_FROM = 12

data = pd.read_csv(OUT + "wine.csv")
features = [c for c in data.columns if c not in ("wine", "cultivar")]
classes = sorted(data["cultivar"].unique())
half = 89
by_wine = data.set_index("wine")
draws = pd.read_csv(OUT + "draws.csv")
column = draws.columns[3]


def fit(rows):
    x = rows[features].to_numpy(float)
    mean, sd = x.mean(axis=0), x.std(axis=0, ddof=1)
    sd[sd == 0] = 1.0
    model = LogisticRegression(C=1000.0, max_iter=20000).fit((x - mean) / sd, rows["cultivar"])
    index = {c: i for i, c in enumerate(classes)}
    return lambda frame: np.array([index[c] for c in model.predict((frame[features].to_numpy(float) - mean) / sd)])


def rows_of(selected, moved):
    frame = by_wine.loc[selected["wine"].to_numpy()].reset_index()
    if moved:
        frame[column] = selected[column].to_numpy()
    return frame


judged = draws[draws["step"] >= FULL_FROM].reset_index(drop=True)
label = np.array([classes.index(c) for c in rows_of(judged, False)["cultivar"]])
reference = fit(data.iloc[:half])
unchanged = reference(rows_of(judged, False))
changed = reference(rows_of(judged, True))
retrained = np.zeros(len(judged), int)
for s in range(8, 29, 4):
    window = fit(rows_of(draws[(draws["step"] >= s - 3) & (draws["step"] <= s)], True))
    serves = ((judged["step"] > s) & (judged["step"] <= s + 4)).to_numpy()
    retrained[serves] = window(rows_of(judged[serves], True))
pd.DataFrame({"step": judged["step"], "place": judged["place"], "unchanged": unchanged, "changed": changed,
              "retrained": retrained, "label": label}).to_csv(OUT + "answers.csv", index=False)

n = len(judged)
pool = len(data) - half
share = min(1.0, pool * -math.expm1(n * math.log1p(-1.0 / pool)) / n)


def paired(before, after):
    return check(before, after, label, share)


fall, fixes, helps = paired(unchanged, changed), paired(unchanged, retrained), paired(changed, retrained)
expected = {
    "column": column, "draws": n, "different_share": share,
    "unchanged": {"accuracy": float((unchanged == label).mean())},
    "changed": {"accuracy": float((changed == label).mean())},
    "retrained": {"accuracy": float((retrained == label).mean())},
    "fall": fall, "from_unchanged": fixes, "from_changed": helps,
    "outcome": rule(fixes, helps) if fall["worse"] else "NOT_TRIED",
}
with open(OUT + "expected.json", "w") as out:
    json.dump(expected, out, indent=2)
    out.write("\n")
print(json.dumps(expected, indent=2))
