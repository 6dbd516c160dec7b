#!/usr/bin/python3
"""Known answers for the simulation engine on a regression and a multiclass model, on real public data
(scikit-learn's bundled diabetes and wine sets, via Debian's python3-sklearn).

Step 1 (`data`) writes, into src/test/resources/tasks/engine/:
    diabetes-replay.csv  the 442 patients shuffled (numpy seed 7), with a `row` column 0..441 (the replay
                         order), `sex` as text one/two; diabetes-train.csv: its first 221 rows
    wine-replay.csv      the 178 wines shuffled (seed 7), with `row` and alcohol_level (high when
                         alcohol >= 13); wine-train.csv: its first 89 rows
Then the models are trained and the replay files scored with TwinBench's own CLI (see engine.sh beside this
script): diabetes-linear.twinmodel (ridge) and wine-logistic.twinmodel (multinomial logistic), both on the
*-train.csv rows only, and *-scored.csv the replay files with the model's predictions.

Step 2 (`expected`) reads the scored files and writes engine-expected.json: for the production rows (those
after the first half, the scenario's reference_share 0.5) in `row` order, cut into 4 steps of 50 (diabetes)
or 20 (wine) rows, the scikit-learn 1.2.1 metrics of each step overall and per slice (sex, alcohol_level):
mean_absolute_error, sqrt(mean_squared_error), r2_score, mean_absolute_percentage_error; accuracy_score,
balanced_accuracy_score, f1_score(average=macro|weighted, zero_division=0), log_loss(eps=1e-15).

Run from the repository root:  /usr/bin/python3 sample-data/scripts/engine_tasks_reference.py data|expected
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn import metrics

OUT = "src/test/resources/tasks/engine/"
STEPS = {"diabetes": 50, "wine": 20}
CLASSES = ["class_0", "class_1", "class_2"]


def data():
    rng = np.random.RandomState(7)
    diabetes = pd.read_csv("sample-data/public/diabetes.csv")
    diabetes["sex"] = np.where(diabetes["sex"] == 1, "one", "two")
    write("diabetes", diabetes.iloc[rng.permutation(len(diabetes))])
    wine = pd.read_csv("sample-data/public/wine.csv")
    wine["alcohol_level"] = np.where(wine["alcohol"] >= 13, "high", "low")
    write("wine", wine.iloc[rng.permutation(len(wine))])


def write(name, frame):
    frame = frame.reset_index(drop=True)
    frame.insert(0, "row", np.arange(len(frame)))
    frame.to_csv(OUT + name + "-replay.csv", index=False, float_format="%.10g")
    frame.iloc[: int(round(len(frame) * 0.5))].to_csv(OUT + name + "-train.csv", index=False, float_format="%.10g")


def regression(y, p):
    return {"n": int(len(y)), "mae": metrics.mean_absolute_error(y, p),
            "rmse": float(np.sqrt(metrics.mean_squared_error(y, p))), "r2": metrics.r2_score(y, p),
            "mape": metrics.mean_absolute_percentage_error(y, p)}


def multiclass(y, p, proba):
    return {"n": int(len(y)), "accuracy": metrics.accuracy_score(y, p),
            "balanced_accuracy": metrics.balanced_accuracy_score(y, p),
            "macro_f1": metrics.f1_score(y, p, average="macro", labels=sorted(set(y) | set(p)), zero_division=0),
            "weighted_f1": metrics.f1_score(y, p, average="weighted", labels=sorted(set(y) | set(p)),
                                            zero_division=0),
            "log_loss": metrics.log_loss(y, proba, labels=CLASSES, eps=1e-15)}


def expected():
    out = {}
    for name, size in STEPS.items():
        scored = pd.read_csv(OUT + name + "-scored.csv").sort_values("row")
        production = scored.iloc[int(round(len(scored) * 0.5)):]
        slice_column = "sex" if name == "diabetes" else "alcohol_level"
        steps = []
        for step in range(4):
            rows = production.iloc[step * size:(step + 1) * size]
            groups = {"overall": rows}
            for value in sorted(rows[slice_column].unique()):
                groups[slice_column + "=" + value] = rows[rows[slice_column] == value]
            figures = {}
            for key, group in groups.items():
                if name == "diabetes":
                    figures[key] = regression(group["target"].to_numpy(), group["prediction"].to_numpy())
                else:
                    proba = group[["p_" + c for c in CLASSES]].to_numpy()
                    figures[key] = multiclass(group["cultivar"].to_numpy(), group["prediction"].to_numpy(), proba)
            steps.append(figures)
        out[name] = steps
    with open(OUT + "engine-expected.json", "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    {"data": data, "expected": expected}[sys.argv[1]]()
