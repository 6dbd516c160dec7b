"""Fixture of the distillation known-answer tests (run here with /usr/bin/python3, scikit-learn 1.2.1).

distil-breast.csv: breast.csv's 569 rows in the order (i * 7919) mod 569, with `teacher`, the malignant
probability of a scikit-learn RandomForestClassifier(200 trees, random_state=24) fitted on the first 400 rows.
distil-breast.json: scikit-learn's students trained on the first 400 rows' teacher scores, scored on the other
169 rows:
- `tree_d<k>`: DecisionTreeRegressor(max_depth=k) fitted to the teacher scores (TwinBench's `tree` student), its
  scores of the training rows too, and whether tied cuts make its test scores depend on random_state (0 to 19; then
  the range of their fidelity);
- `logistic`: LogisticRegression(C=1/0.01) on features standardised with the training rows' mean and sd (ddof 1),
  every row given twice, as class 1 with weight p and as class 0 with weight 1 - p (the soft-target
  cross-entropy of TwinBench's `logistic` student);
with the fidelity (same decision as the teacher at 0.5) and accuracy of each on those 169 rows.
"""
import json

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.tree import DecisionTreeRegressor

frame = pd.read_csv("breast.csv")
order = [(i * 7919) % len(frame) for i in range(len(frame))]
frame = frame.iloc[order].reset_index(drop=True)
features = [c for c in frame.columns if c != "diagnosis"]
x = frame[features].to_numpy(dtype=float)
y = (frame["diagnosis"] == "malignant").to_numpy(dtype=int)
train, test = slice(0, 400), slice(400, len(frame))

teacher = RandomForestClassifier(n_estimators=200, random_state=24).fit(x[train], y[train])
p = teacher.predict_proba(x)[:, list(teacher.classes_).index(1)]
frame["teacher"] = p
frame.to_csv("distil-breast.csv", index=False, float_format="%.17g")

out = {"rows_train": 400, "rows_test": int(len(frame) - 400)}
teacher_test = p[test] >= 0.5


def figures(name, scores):
    decided = scores >= 0.5
    out[name] = {"scores": [float(v) for v in scores],
                 "fidelity": float(np.mean(decided == teacher_test)),
                 "accuracy": float(np.mean(decided == y[test]))}


out["teacher_accuracy"] = float(np.mean(teacher_test == y[test]))
for depth in (1, 2, 3, 5):
    tree = DecisionTreeRegressor(max_depth=depth, random_state=0).fit(x[train], p[train])
    name = "tree_d%d" % depth
    figures(name, tree.predict(x[test]))
    out[name]["nodes"] = int(tree.tree_.node_count)
    out[name]["train_scores"] = [float(v) for v in tree.predict(x[train])]
    # Cuts that split the training rows alike (say worst_radius and worst_perimeter) tie; scikit-learn takes the
    # first in a random order of the features, so the test rows' scores can depend on random_state.
    others = [DecisionTreeRegressor(max_depth=depth, random_state=r).fit(x[train], p[train]) for r in range(20)]
    fidelity = [float(np.mean((t.predict(x[test]) >= 0.5) == teacher_test)) for t in others]
    out[name]["ties"] = len({tuple(np.round(t.predict(x[test]), 12)) for t in others}) > 1
    out[name]["fidelity_range"] = [min(fidelity), max(fidelity)]

mean = x[train].mean(axis=0)
sd = x[train].std(axis=0, ddof=1)
z = (x - mean) / sd
n = 400
xx = np.vstack([z[train], z[train]])
yy = np.concatenate([np.ones(n), np.zeros(n)])
ww = np.concatenate([p[train], 1 - p[train]])
keep = ww > 0
logistic = LogisticRegression(C=1 / 0.01, solver="newton-cholesky", tol=1e-12, max_iter=1000)
logistic.fit(xx[keep], yy[keep], sample_weight=ww[keep])
figures("logistic", logistic.predict_proba(z[test])[:, 1])
json.dump(out, open("distil-breast.json", "w"), indent=1)
