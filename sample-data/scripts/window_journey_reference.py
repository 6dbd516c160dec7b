#!/usr/bin/python3
"""Reference values for the window's analyst journey (AnalystJourneyTest) on real data: scikit-learn's
bundled breast cancer set (Wisconsin diagnostic, 569 rows, 30 measurements, diagnosis
malignant/benign), computed with pandas and scikit-learn, independently of TwinBench.

- the kind of every column as pandas reads it (number or text) and the outcome's positive share;
- the changes "New scenario from this data" offers, in the words TwinBench documents (docs/window.md):
  the first three numeric columns 20% higher, noise and missing values on the first, the outcome's
  positive class more common (rate r -> min(0.9, max(2r, r + 0.1)));
- the accuracy of a logistic regression trained on the reference rows (the file's first
  round(0.5 * 569) = 285 rows; features standardised, L2 penalty lambda = 1e-3, i.e. C = 1000) on the
  284 production rows, threshold 0.5: what the twin's run shows when one step replays every
  production row once;
- scikit-learn's own column names (with spaces), which the remap dialog must match to the file's.

Writes src/test/resources/window/breast-cancer.csv and expected.json.
Run from the repository root: /usr/bin/python3 sample-data/scripts/window_journey_reference.py
"""
import json

import numpy as np
import pandas as pd
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

data = load_breast_cancer(as_frame=True)
original = [c for c in data.frame.columns if c != "target"]
frame = data.frame.rename(columns=lambda c: c.replace(" ", "_"))
features = [c for c in frame.columns if c != "target"]
out = frame[features].copy()
out["diagnosis"] = np.where(frame["target"] == 0, "malignant", "benign")
out.to_csv("src/test/resources/window/breast-cancer.csv", index=False, float_format="%.10g")

table = pd.read_csv("src/test/resources/window/breast-cancer.csv")
kinds = {c: ("number" if pd.api.types.is_numeric_dtype(table[c]) else "text") for c in table.columns}
# Positive label (docs/cli.md, Conventions): none of 1/true/yes/positive occurs, so the value that sorts last.
positive = sorted(table["diagnosis"].unique())[-1]
rate = float((table["diagnosis"] == positive).mean())
target = min(0.9, max(rate * 2, rate + 0.1))
numbers = [c for c in features if kinds[c] == "number"]
offered = [f"{c} 20% higher" for c in numbers[:3]]
offered += [f"{numbers[0]} recorded less precisely (noise of half its spread)",
            f"{numbers[0]} stops arriving (every value missing)",
            f"diagnosis = {positive} more common ({100 * rate:.0f}% → {100 * target:.0f}% of rows)"]

reference = int(np.floor(len(table) * 0.5 + 0.5))  # Java Math.round
train, production = table.iloc[:reference], table.iloc[reference:]
scaler = StandardScaler().fit(train[features])
model = LogisticRegression(C=1000, max_iter=100000, tol=1e-10)
model.fit(scaler.transform(train[features]), train["diagnosis"] == positive)
proba = model.predict_proba(scaler.transform(production[features]))[:, 1]
correct = (proba >= 0.5) == (production["diagnosis"] == positive).to_numpy()
# Rows the fit is unsure of: a solver stopping elsewhere could put them on the other side.
unsure = int(np.sum(np.abs(proba - 0.5) < 0.05))

expected = {
    "rows": len(table),
    "kinds": kinds,
    "positive": positive,
    "positive_share": rate,
    "offered": offered,
    "reference_rows": reference,
    "production_rows": len(production),
    "accuracy": float(correct.mean()),
    "unsure_rows": unsure,
    "sklearn_names": original + ["diagnosis"],
}
with open("src/test/resources/window/expected.json", "w") as f:
    json.dump(expected, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(json.dumps({k: v for k, v in expected.items() if k not in ("kinds", "sklearn_names")}, indent=1, ensure_ascii=False))
for c in (10, 100, 1000, 10000):
    m = LogisticRegression(C=c, max_iter=100000).fit(scaler.transform(train[features]), train["diagnosis"] == positive)
    p = m.predict_proba(scaler.transform(production[features]))[:, 1]
    print(c, np.mean((p >= 0.5) == (production["diagnosis"] == positive).to_numpy()))
