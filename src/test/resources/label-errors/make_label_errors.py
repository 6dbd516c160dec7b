"""Writes the public data and the reference values of the label-error tests.

Run with /usr/bin/python3 (scikit-learn 1.2.1, numpy 1.24) from this folder. cleanlab is not in the local
package index, so its rule is written out below in numpy, following cleanlab 2.x
`cleanlab.count.compute_confident_joint` and `cleanlab.filter.find_label_issues(filter_by="confident_learning")`:

- per-class thresholds t_j = mean predicted probability of class j over the rows labelled j;
- a row's confident classes are those with p_j >= t_j - 1e-6; with several, the one of highest probability,
  with one, that one; with none the row is not counted;
- rows whose confident class differs from their given label (the confident joint's off-diagonal) are issues,
  except rows whose given label is also the model's most probable class.

Two sets: scikit-learn's breast cancer (binary, 569 rows) with 5% of the labels flipped, and wine (3 classes,
178 rows) with 8% of the labels moved to another class (seed 3). For each: <name>-flipped.csv (the table with
the wrong labels), <name>-flips.txt (the 0-based rows whose label was changed), <name>-oof.csv (the given label
and out-of-fold probabilities of scikit-learn's logistic regression on standardised features, 5 stratified folds)
and <name>-issues.json (the rows the rule flags on those probabilities, with the suspected class).
"""
import json

import numpy as np
import pandas as pd
from sklearn.datasets import load_breast_cancer, load_wine
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def confident_learning(labels, probs):
    k = probs.shape[1]
    thresholds = np.array([probs[labels == j, j].mean() for j in range(k)])
    confident = probs >= thresholds - 1e-6
    count = confident.sum(axis=1)
    guess = np.where(count > 1, probs.argmax(axis=1), confident.argmax(axis=1))
    issues = (count > 0) & (guess != labels) & (probs.argmax(axis=1) != labels)
    return np.flatnonzero(issues), guess


def write(name, frame, target, class_names, flip_share, rng):
    y = frame[target].to_numpy()
    n = len(y)
    flips = np.sort(rng.choice(n, size=int(round(flip_share * n)), replace=False))
    noisy = y.copy()
    k = len(class_names)
    for i in flips:
        noisy[i] = (y[i] + rng.integers(1, k)) % k
    out = frame.drop(columns=[target]).copy()
    out[target] = [class_names[v] for v in noisy]
    out.to_csv(f"{name}-flipped.csv", index=False)
    np.savetxt(f"{name}-flips.txt", flips, fmt="%d")
    x = frame.drop(columns=[target]).to_numpy()
    probs = np.zeros((n, k))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(x, noisy):
        model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)).fit(x[train], noisy[train])
        probs[test] = model.predict_proba(x[test])
    oof = pd.DataFrame(probs, columns=[f"p_{c}" for c in class_names])
    oof.insert(0, "label", noisy)
    oof.to_csv(f"{name}-oof.csv", index=False, float_format="%.17g")
    issues, guess = confident_learning(noisy, probs)
    with open(f"{name}-issues.json", "w") as f:
        json.dump({"rows": [int(i) for i in issues], "suspected": [int(guess[i]) for i in issues]}, f)
        f.write("\n")
    found = set(issues.tolist())
    planted = set(flips.tolist())
    print(name, "flips", len(planted), "issues", len(found), "precision",
          len(found & planted) / max(1, len(found)), "recall", len(found & planted) / len(planted))


rng = np.random.default_rng(3)
cancer = load_breast_cancer(as_frame=True).frame
cancer.columns = [c.replace(" ", "_") for c in cancer.columns]
cancer = cancer.rename(columns={"target": "diagnosis"})
# scikit-learn codes malignant 0 and benign 1; classes are listed in name order, as TwinBench sorts them.
cancer["diagnosis"] = 1 - cancer["diagnosis"]
write("breast", cancer, "diagnosis", ["benign", "malignant"], 0.05, rng)
wine = load_wine(as_frame=True).frame.rename(columns={"target": "cultivar"})
write("wine", wine, "cultivar", ["class_0", "class_1", "class_2"], 0.08, rng)
