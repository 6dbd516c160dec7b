"""Writes the top-slices test data (run with /usr/bin/python3, scikit-learn 1.2.1, scipy, pandas).

breast-cancer-log.csv: scikit-learn's breast cancer data (569 rows) as a production log: `row` (the replay
order), `clinic` (A-D) and `shift` (day/night) drawn with seed 7, the 30 features, `diagnosis` and `score`, the
out-of-fold probability of malignant from a standardised logistic regression (5-fold cross_val_predict).
Planted worst slice: on 70% of the rows with clinic C and shift night (seed 7) the score is replaced by
1 - score, so the model is mostly wrong there.

top-slices-expected.json: for the production rows (the last 500 in `row` order; the first 69 are the
reference), the planted slice's n, accuracy and the rest's accuracy (pandas) and the p-value of scipy's
chi-square test of the 2x2 table without continuity correction (equal to the pooled two-proportion z-test's).
"""
import json

import numpy as np
import pandas as pd
from scipy.stats import chi2_contingency
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

data = load_breast_cancer(as_frame=True)
X = data.frame.drop(columns=["target"]).rename(columns=lambda c: c.replace(" ", "_"))
y = (data.target == 0).astype(int)  # 1 = malignant
proba = cross_val_predict(make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)), X, y, cv=5,
                          method="predict_proba")[:, 1]
rng = np.random.default_rng(7)
n = len(X)
clinic = rng.choice(list("ABCD"), size=n)
shift = rng.choice(["day", "night"], size=n)
planted = (clinic == "C") & (shift == "night")
flip = planted & (rng.random(n) < 0.7)
score = np.where(flip, 1 - proba, proba)
frame = pd.concat([pd.DataFrame({"row": np.arange(n), "clinic": clinic, "shift": shift}), X], axis=1)
frame["diagnosis"] = np.where(y == 1, "malignant", "benign")
frame["score"] = np.round(score, 10)
frame.to_csv("breast-cancer-log.csv", index=False)

production = frame.iloc[69:]
correct = ((production["score"] >= 0.5).astype(int) == (production["diagnosis"] == "malignant").astype(int))
inside = (production["clinic"] == "C") & (production["shift"] == "night")
table = [[int(correct[inside].sum()), int((~correct[inside]).sum())],
         [int(correct[~inside].sum()), int((~correct[~inside]).sum())]]
chi2, p, _, _ = chi2_contingency(table, correction=False)
expected = {"rows": int(len(production)), "accuracy": float(correct.mean()),
            "slice": {"predicates": [{"column": "clinic", "value": "C"}, {"column": "shift", "value": "night"}],
                      "n": int(inside.sum()), "accuracy": float(correct[inside].mean()),
                      "rest_accuracy": float(correct[~inside].mean()), "p_value": float(p)}}
with open("top-slices-expected.json", "w") as out:
    json.dump(expected, out, indent=2)
print(json.dumps(expected, indent=2))
