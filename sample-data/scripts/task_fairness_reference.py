#!/usr/bin/python3
"""Known answers for fairness between groups of a regression and a multiclass model, on real public data
(scikit-learn's bundled diabetes and wine sets, as engine_tasks_reference.py prepares them).

Reads the replay files scored by TwinBench's own CLI (see engine_tasks_reference.sh: diabetes-scored.csv and
wine-scored.csv, passed as arguments) and writes src/test/resources/tasks/engine/fairness-expected.json:

- "steps": for the production rows (after the first half) in `row` order, 4 steps of 50 (diabetes, groups
  of sex) or 20 (wine, groups of alcohol_level) rows, per group: diabetes mean_absolute_error,
  sqrt(mean_squared_error) and the RMSE gap to the best group; per column the worst RMSE over the best
  and the largest MAE gap. Wine, per class c: each group's share predicted c and recall_score of c
  (NaN-free groups only), per column the lowest share over the highest and the recall gap.
- "pooled": the same figures on the first and the last tenth of a run of 2 steps of 110 rows (diabetes: the
  first and the second 110 production rows) and of 1 step of 89 rows (wine: all production rows, both tenths).

- "baseline": per step (as "steps") the naive baseline on the step's rows: diabetes mean_absolute_error and
  sqrt(mean_squared_error) of always predicting the mean target of the reference rows (the first half), wine
  accuracy_score of always answering the reference rows' most frequent cultivar; "diabetes_by_sex" and
  "wine_by_alcohol_level": the same per group of the step's rows (pandas groupby), as baseline.mae[sex=1] etc.
- "wine_class_recall": per wine step (as "steps"), recall_score(average=None) of each cultivar and its support.

Run from the repository root:
  /usr/bin/python3 sample-data/scripts/task_fairness_reference.py /tmp/diabetes-scored.csv /tmp/wine-scored.csv
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn import metrics

OUT = "src/test/resources/tasks/engine/"
CLASSES = ["class_0", "class_1", "class_2"]


def production(path):
    scored = pd.read_csv(path).sort_values("row")
    return scored.iloc[int(round(len(scored) * 0.5)):]


def regression(rows):
    groups = {}
    for value, group in sorted(rows.groupby("sex")):
        groups[value] = {"n": int(len(group)),
                         "mae": metrics.mean_absolute_error(group["target"], group["prediction"]),
                         "rmse": float(np.sqrt(metrics.mean_squared_error(group["target"], group["prediction"])))}
    best = min(g["rmse"] for g in groups.values())
    for g in groups.values():
        g["rmse_gap"] = g["rmse"] - best
    maes = [g["mae"] for g in groups.values()]
    return {"groups": groups, "rmse_ratio": max(g["rmse"] for g in groups.values()) / best,
            "mae_gap": max(maes) - min(maes)}


def multiclass(rows):
    out = {"groups": {}, "parity_ratio": {}, "recall_gap": {}}
    for value, group in sorted(rows.groupby("alcohol_level")):
        figures = {"n": int(len(group))}
        recalls = metrics.recall_score(group["cultivar"], group["prediction"], labels=CLASSES, average=None,
                                       zero_division=0)
        for c, recall in zip(CLASSES, recalls):
            figures["selection_rate_" + c] = float((group["prediction"] == c).mean())
            if (group["cultivar"] == c).any():
                figures["recall_" + c] = float(recall)
        out["groups"][value] = figures
    for c in CLASSES:
        rates = [g["selection_rate_" + c] for g in out["groups"].values()]
        out["parity_ratio"][c] = min(rates) / max(rates) if max(rates) > 0 else None
        recalls = [g["recall_" + c] for g in out["groups"].values() if "recall_" + c in g]
        out["recall_gap"][c] = max(recalls) - min(recalls) if len(recalls) >= 2 else None
    return out


def reference(path):
    scored = pd.read_csv(path).sort_values("row")
    return scored.iloc[:int(round(len(scored) * 0.5))]


def baselines(diabetes_path, wine_path):
    mean = reference(diabetes_path)["target"].mean()
    counts = reference(wine_path)["cultivar"].value_counts()
    assert (counts == counts.max()).sum() == 1, "a tie for the majority class"
    majority = counts.idxmax()
    diabetes = production(diabetes_path)
    wine = production(wine_path)
    out = {"diabetes": [], "wine": [], "wine_majority": majority, "diabetes_mean": mean}
    for s in range(4):
        y = diabetes.iloc[s * 50:(s + 1) * 50]["target"]
        out["diabetes"].append({"mae": metrics.mean_absolute_error(y, np.full(len(y), mean)),
                                "rmse": float(np.sqrt(metrics.mean_squared_error(y, np.full(len(y), mean))))})
        c = wine.iloc[s * 20:(s + 1) * 20]["cultivar"]
        out["wine"].append({"accuracy": metrics.accuracy_score(c, [majority] * len(c))})
    out["diabetes_by_sex"] = []
    out["wine_by_alcohol_level"] = []
    for s in range(4):
        step = diabetes.iloc[s * 50:(s + 1) * 50]
        # pandas groupby on the step's own rows: the reference mean's errors within each group.
        errors = (step["target"] - mean).groupby(step["sex"])
        out["diabetes_by_sex"].append({str(k): {"mae": float(v.abs().mean()), "rmse": float(np.sqrt((v ** 2).mean()))}
                                       for k, v in errors})
        step = wine.iloc[s * 20:(s + 1) * 20]
        right = (step["cultivar"] == majority).groupby(step["alcohol_level"])
        out["wine_by_alcohol_level"].append({str(k): {"accuracy": float(v.mean())} for k, v in right})
    return out


def class_recall(rows):
    recalls = metrics.recall_score(rows["cultivar"], rows["prediction"], labels=CLASSES, average=None, zero_division=0)
    return {c: {"recall": float(r) if (rows["cultivar"] == c).any() else None,
                "support": int((rows["cultivar"] == c).sum())} for c, r in zip(CLASSES, recalls)}


def main(diabetes_path, wine_path):
    diabetes = production(diabetes_path)
    wine = production(wine_path)
    out = {"diabetes": {"steps": [regression(diabetes.iloc[s * 50:(s + 1) * 50]) for s in range(4)],
                        "pooled": {"start": regression(diabetes.iloc[:110]),
                                   "end": regression(diabetes.iloc[110:220])}},
           "wine": {"steps": [multiclass(wine.iloc[s * 20:(s + 1) * 20]) for s in range(4)],
                    "pooled": {"start": multiclass(wine), "end": multiclass(wine)}},
           "baseline": baselines(diabetes_path, wine_path),
           "wine_class_recall": [class_recall(wine.iloc[s * 20:(s + 1) * 20]) for s in range(4)]}
    with open(OUT + "fairness-expected.json", "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
