#!/usr/bin/python3
"""Writes two real public data sets that ship with Debian's python3-sklearn, and the scikit-learn
reference values the Java tests of the regression and multiclass metrics compare against.

    sample-data/public/diabetes.csv   442 patients, 10 baseline variables (unscaled, as in Efron et al.
                                      2004, "Least Angle Regression"), target = disease progression
                                      one year later (sklearn.datasets.load_diabetes(scaled=False))
    sample-data/public/wine.csv       178 wines of three cultivars, 13 chemical measurements
                                      (UCI Wine; sklearn.datasets.load_wine), cultivar = class_0/1/2

    src/test/resources/tasks/diabetes-predictions.csv   holdout rows 300..441: target, sex, prediction of
                                      a Ridge(alpha=1) fitted on rows 0..299
    src/test/resources/tasks/wine-predictions.csv       every 3rd wine held out: cultivar, alcohol_level
                                      (high when alcohol >= 13), prediction and p_class_0..2 of a
                                      LogisticRegression on alcohol and malic_acid only (so it errs)
    src/test/resources/tasks/expected.json              sklearn.metrics values overall and per slice, and
                                      the naive baselines (mean / majority of the evaluated rows)

Run from the repository root:  /usr/bin/python3 sample-data/scripts/task_metrics_reference.py
"""
import json

import numpy as np
import pandas as pd
from sklearn import metrics
from sklearn.datasets import load_diabetes, load_wine
from sklearn.linear_model import LogisticRegression, Ridge

OUT = "src/test/resources/tasks/"


def regression(y, p):
    out = {
        "n": int(len(y)),
        "mae": metrics.mean_absolute_error(y, p),
        "rmse": float(np.sqrt(metrics.mean_squared_error(y, p))),
        "r2": metrics.r2_score(y, p),
        "mape": metrics.mean_absolute_percentage_error(y, p),
    }
    mean = np.full(len(y), np.mean(y))
    out["baseline"] = {"kind": "mean", "mean": float(np.mean(y)),
                       "mae": metrics.mean_absolute_error(y, mean),
                       "rmse": float(np.sqrt(metrics.mean_squared_error(y, mean)))}
    return out


def multiclass(y, p, proba, classes):
    out = {
        "n": int(len(y)),
        "accuracy": metrics.accuracy_score(y, p),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, p),
        "macro_f1": metrics.f1_score(y, p, average="macro", zero_division=0),
        "weighted_f1": metrics.f1_score(y, p, average="weighted", zero_division=0),
        "log_loss": metrics.log_loss(y, proba, labels=classes, eps=1e-15),
        "confusion_matrix": metrics.confusion_matrix(y, p, labels=classes).tolist(),
    }
    precision, recall, _, support = metrics.precision_recall_fscore_support(y, p, labels=classes, zero_division=0)
    out["precision"] = dict(zip(classes, precision.tolist()))
    out["recall"] = dict(zip(classes, recall.tolist()))
    values, counts = np.unique(y, return_counts=True)
    majority = values[np.argmax(counts)]
    constant = [majority] * len(y)
    out["baseline"] = {"kind": "majority", "class": str(majority),
                       "accuracy": metrics.accuracy_score(y, constant),
                       "balanced_accuracy": metrics.balanced_accuracy_score(y, constant),
                       "macro_f1": metrics.f1_score(y, constant, average="macro", zero_division=0)}
    return out


def main():
    expected = {}

    diabetes = load_diabetes(scaled=False, as_frame=True).frame
    diabetes.to_csv("sample-data/public/diabetes.csv", index=False, float_format="%.10g")
    x = diabetes.drop(columns="target").to_numpy()
    y = diabetes["target"].to_numpy()
    model = Ridge(alpha=1.0).fit(x[:300], y[:300])
    held = diabetes.iloc[300:][["target", "sex"]].copy()
    held["sex"] = np.where(held["sex"] == 1, "one", "two")
    held["prediction"] = model.predict(x[300:])
    held.to_csv(OUT + "diabetes-predictions.csv", index=False, float_format="%.17g")
    reg = {"overall": regression(held["target"].to_numpy(), held["prediction"].to_numpy()), "slices": {}}
    for value, group in held.groupby("sex"):
        reg["slices"][value] = regression(group["target"].to_numpy(), group["prediction"].to_numpy())
    expected["regression"] = reg

    wine = load_wine(as_frame=True)
    frame = wine.frame.rename(columns={"od280/od315_of_diluted_wines": "od280_od315"})
    frame["target"] = ["class_%d" % t for t in frame["target"]]
    frame = frame.rename(columns={"target": "cultivar"})
    frame.to_csv("sample-data/public/wine.csv", index=False, float_format="%.10g")
    classes = ["class_0", "class_1", "class_2"]
    test = np.arange(len(frame)) % 3 == 0
    features = frame[["alcohol", "malic_acid"]].to_numpy()
    clf = LogisticRegression(max_iter=1000).fit(features[~test], frame["cultivar"][~test])
    assert list(clf.classes_) == classes
    held = frame[test][["cultivar"]].copy()
    held["alcohol_level"] = np.where(frame[test]["alcohol"] >= 13, "high", "low")
    held["prediction"] = clf.predict(features[test])
    proba = clf.predict_proba(features[test])
    for c, name in enumerate(classes):
        held["p_" + name] = proba[:, c]
    held.to_csv(OUT + "wine-predictions.csv", index=False, float_format="%.17g")
    mc = {"overall": multiclass(held["cultivar"].to_numpy(), held["prediction"].to_numpy(), proba, classes),
          "slices": {}}
    for value in sorted(held["alcohol_level"].unique()):
        rows = (held["alcohol_level"] == value).to_numpy()
        mc["slices"][value] = multiclass(held["cultivar"].to_numpy()[rows], held["prediction"].to_numpy()[rows],
                                         proba[rows], classes)
    expected["multiclass"] = mc

    with open(OUT + "expected.json", "w") as out:
        json.dump(expected, out, indent=1, sort_keys=True)
        out.write("\n")


if __name__ == "__main__":
    main()
