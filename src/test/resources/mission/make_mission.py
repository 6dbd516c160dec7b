"""Fixtures of the extraction, distillation and robustness tests (run with /usr/bin/python3, sklearn 1.2.1).

breast.csv: scikit-learn's breast cancer data (569 rows), target `diagnosis` (malignant / benign).
surrogate.csv + surrogate.json: 300 generated rows x1..x4 with soft targets p, and the weights scikit-learn's
LogisticRegression(C=1/0.01, solver="newton-cholesky") finds when every row is given twice, as class 1 with weight p and as class 0
with weight 1 - p (the soft-target cross-entropy the surrogate minimises); `labels` the same on 0/1 targets.
"""
import json

import numpy as np
import pandas as pd
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression

data = load_breast_cancer(as_frame=True)
frame = data.frame.copy()
frame.columns = [c.replace(" ", "_") for c in frame.columns]
frame["diagnosis"] = np.where(frame.pop("target") == 0, "malignant", "benign")
frame.to_csv("breast.csv", index=False)

rng = np.random.default_rng(24)
n = 300
x = rng.normal(size=(n, 4))
z = 1.5 * x[:, 0] - 2.0 * x[:, 1] + 0.5 * x[:, 2] + 0.3 + rng.normal(scale=0.8, size=n)
p = 1 / (1 + np.exp(-z))
labels = (p >= 0.5).astype(float)
pd.DataFrame({"x1": x[:, 0], "x2": x[:, 1], "x3": x[:, 2], "x4": x[:, 3], "p": p, "label": labels}) \
    .to_csv("surrogate.csv", index=False, float_format="%.17g")


def soft_fit(target):
    xx = np.vstack([x, x])
    yy = np.concatenate([np.ones(n), np.zeros(n)])
    ww = np.concatenate([target, 1 - target])
    keep = ww > 0
    model = LogisticRegression(C=1 / 0.01, solver="newton-cholesky", tol=1e-12, max_iter=1000)
    model.fit(xx[keep], yy[keep], sample_weight=ww[keep])
    return list(model.coef_[0]) + [float(model.intercept_[0])]


json.dump({"soft": soft_fit(p), "labels": soft_fit(labels)}, open("surrogate.json", "w"), indent=1)
