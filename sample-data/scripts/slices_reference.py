#!/usr/bin/python3
"""Reference values for `twinbench slices` on real data: scikit-learn's bundled breast cancer set
(Wisconsin diagnostic, 569 rows), scored by an out-of-fold logistic regression (5-fold
cross_val_predict), then every slice of one or two column=value conditions evaluated by brute force
with pandas/numpy/scipy, independently of TwinBench.

Binning as TwinBench documents it for numeric columns (metrics --slice, slices): edges are the minimum,
the numpy-linear k-quantiles q/k (q = 1..k-1) and the maximum, repeated edges dropped; a value v falls
in range number (count of inner edges <= v). The z-test is the pooled two-proportion test, two-sided.

Writes src/test/resources/slices/breast-cancer-scored.csv and breast-cancer-expected.json.
Run from the repository root: /usr/bin/python3 sample-data/scripts/slices_reference.py
"""
import itertools
import json

import numpy as np
import pandas as pd
from scipy.stats import norm
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

BINS = 5
MIN_SIZE = 30
KEEP_PAIRS = 400

data = load_breast_cancer(as_frame=True)
frame = data.frame.rename(columns=lambda c: c.replace(" ", "_"))
features = [c for c in frame.columns if c != "target"]
# target: 0 malignant, 1 benign. The positive class here is malignant.
label = np.where(frame["target"] == 0, "malignant", "benign")
model = make_pipeline(StandardScaler(), LogisticRegression(C=0.05, max_iter=2000))
proba = cross_val_predict(model, frame[features], frame["target"] == 0, cv=5, method="predict_proba")[:, 1]
score = np.round(proba, 6)

out = frame[features].copy()
out["diagnosis"] = label
out["p_malignant"] = score
out.to_csv("src/test/resources/slices/breast-cancer-scored.csv", index=False, float_format="%.10g")

# Read back exactly what the CSV holds.
table = pd.read_csv("src/test/resources/slices/breast-cancer-scored.csv")
correct = ((table["p_malignant"].to_numpy() >= 0.5) == (table["diagnosis"].to_numpy() == "malignant"))
n = len(table)


def bins(values):
    present = np.sort(values[~np.isnan(values)])
    edges = [present[0]]
    for q in range(1, BINS + 1):
        edge = present[-1] if q == BINS else np.quantile(present, q / BINS)
        if edge > edges[-1]:
            edges.append(edge)
    inner = np.array(edges[1:-1]) if len(edges) > 2 else np.array([])
    return np.searchsorted(inner, values, side="right")


codes = {c: bins(table[c].to_numpy(dtype=float)) for c in features}
total = int(correct.sum())


def stats(mask):
    size = int(mask.sum())
    right = int(correct[mask].sum())
    rest_n = n - size
    rest_right = total - right
    acc = right / size
    rest = rest_right / rest_n
    pooled = total / n
    se = np.sqrt(pooled * (1 - pooled) * (1 / size + 1 / rest_n))
    z = 0.0 if se == 0 else (acc - rest) / se
    p = 2 * (1 - norm.cdf(abs(z)))
    return {"n": size, "correct": right, "accuracy": acc, "rest_accuracy": rest, "p_value": p, "effect": rest - acc}


singles = []
for c in features:
    for v in np.unique(codes[c]):
        mask = codes[c] == v
        if MIN_SIZE <= mask.sum() < n:
            singles.append(dict(predicates=[[c, int(v)]], **stats(mask)))
pairs = []
for a, b in itertools.combinations(features, 2):
    for va in np.unique(codes[a]):
        ma = codes[a] == va
        if not (MIN_SIZE <= ma.sum() < n):
            continue
        for vb in np.unique(codes[b]):
            mask = ma & (codes[b] == vb)
            if MIN_SIZE <= mask.sum() < ma.sum():
                pairs.append(dict(predicates=[[a, int(va)], [b, int(vb)]], **stats(mask)))
pairs.sort(key=lambda s: -s["effect"])
json.dump({"rows": n, "accuracy": total / n, "bins": BINS, "min_size": MIN_SIZE, "singles": singles,
           "pairs_evaluated": len(pairs), "top_pairs": pairs[:KEEP_PAIRS]},
          open("src/test/resources/slices/breast-cancer-expected.json", "w"), indent=1)
print(n, total / n, len(singles), len(pairs))
