"""Known answers for runs too short to judge a change, and for the same logs run long enough (run with
/usr/bin/python3 from this folder: pandas, scipy 1.10, scikit-learn 1.2.1, statsmodels 0.13).

Reads the production logs beside it (real public data with the deployed model's logged outputs):
diabetes-log.csv (scikit-learn's diabetes set, out-of-fold linear-regression predictions; reference the first 42
rows), breast-cancer-log.csv (scikit-learn's breast cancer set, logged probability of malignant, predicted
malignant when score >= 0.5; reference the first 69 rows) and ../tasks/logged/iris-log.csv (scikit-learn's iris,
logged class probabilities; reference the first 75 rows). Steps are consecutive batches in `row` order.

Writes unjudged-expected.json:
- diabetes_short, 3 steps of 20: the overall RMSE (sqrt(mean_squared_error)) and mean_absolute_error of the first
  and of the last step;
- diabetes_normal, 10 steps of 40 (windows of 2 steps): per group (overall, clinic=..., shift=...) its rows, RMSE
  pooled over each window's rows, the per-step RMSEs and, when both windows hold 30 rows, scipy's
  ttest_ind(equal_var=False) p-value of the per-step RMSEs;
- breast_cancer_short, 3 steps of 20: accuracy_score over the 60 rows with statsmodels' Wilson interval, the
  majority share, recall_score of 'malignant' with its Wilson interval;
- iris_short, 3 steps of 20: accuracy_score and f1_score(average='macro') of the first and of the last step
  (labels those present in either), accuracy over the 60 rows with its Wilson interval.
"""
import json

import numpy as np
import pandas as pd
from scipy import stats
from sklearn import metrics
from statsmodels.stats.proportion import proportion_confint


def steps(frame, reference, batch, count):
    production = frame.sort_values("row").iloc[reference:]
    return [production.iloc[s * batch:(s + 1) * batch] for s in range(count)]


def rmse(rows):
    return float(np.sqrt(metrics.mean_squared_error(rows["target"], rows["prediction"])))


def wilson(successes, n):
    low, high = proportion_confint(successes, n, alpha=0.05, method="wilson")
    return [float(low), float(high)]


out = {}
diabetes = pd.read_csv("diabetes-log.csv")
short = steps(diabetes, 42, 20, 3)
out["diabetes_short"] = {"rmse_first": rmse(short[0]), "rmse_last": rmse(short[-1]),
                         "mae_first": float(metrics.mean_absolute_error(short[0]["target"], short[0]["prediction"])),
                         "mae_last": float(metrics.mean_absolute_error(short[-1]["target"], short[-1]["prediction"]))}

normal = steps(diabetes, 42, 40, 10)
groups = {}
masks = {"overall": lambda rows: np.ones(len(rows), dtype=bool)}
for column in ["clinic", "shift"]:
    for value in sorted(diabetes[column].unique()):
        masks[column + "=" + value] = (lambda c, v: lambda rows: (rows[c] == v).to_numpy())(column, value)
for name, mask in masks.items():
    ends = []
    for window in (normal[:2], normal[-2:]):
        picked = [rows[mask(rows)] for rows in window]
        pooled = pd.concat(picked)
        ends.append({"rows": int(len(pooled)), "rmse": rmse(pooled) if len(pooled) else None,
                     "mae": float(metrics.mean_absolute_error(pooled["target"], pooled["prediction"]))
                     if len(pooled) else None,
                     "step_rmse": [rmse(p) for p in picked if len(p)]})
    judged = all(e["rows"] >= 30 and len(e["step_rmse"]) >= 2 for e in ends)
    p = float(stats.ttest_ind(ends[0]["step_rmse"], ends[1]["step_rmse"], equal_var=False).pvalue) if judged else None
    groups[name] = {"first": ends[0], "last": ends[1], "judged": judged, "p": p}
out["diabetes_normal"] = groups

cancer = pd.read_csv("breast-cancer-log.csv")
rows = pd.concat(steps(cancer, 69, 20, 3))
truth = rows["diagnosis"] == "malignant"
predicted = rows["score"] >= 0.5
right = int((truth == predicted).sum())
caught = int((truth & predicted).sum())
out["breast_cancer_short"] = {"rows": int(len(rows)),
                              "accuracy": float(metrics.accuracy_score(truth, predicted)),
                              "accuracy_interval": wilson(right, len(rows)),
                              "majority": float(max(truth.mean(), 1 - truth.mean())),
                              "recall": float(metrics.recall_score(truth, predicted)),
                              "recall_interval": wilson(caught, int(truth.sum()))}

iris = pd.read_csv("../tasks/logged/iris-log.csv")
classes = ["setosa", "versicolor", "virginica"]
short = steps(iris, 75, 20, 3)


def kinds(rows):
    return rows[["p_" + c for c in classes]].to_numpy().argmax(axis=1)


def figures(rows):
    truth = rows["species"].map(classes.index).to_numpy()
    guess = kinds(rows)
    labels = sorted(set(truth) | set(guess))
    return {"accuracy": float(metrics.accuracy_score(truth, guess)),
            "macro_f1": float(metrics.f1_score(truth, guess, average="macro", labels=labels, zero_division=0))}


everything = pd.concat(short)
right = int((everything["species"].map(classes.index).to_numpy() == kinds(everything)).sum())
out["iris_short"] = {"first": figures(short[0]), "last": figures(short[-1]), "rows": int(len(everything)),
                     "accuracy": right / len(everything), "accuracy_interval": wilson(right, len(everything))}

with open("unjudged-expected.json", "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
