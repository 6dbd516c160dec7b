"""A multiclass production log from real public data, and scikit-learn's metrics of each replayed step.

scikit-learn's bundled iris set, shuffled (seed 11): a multinomial logistic regression on two features
(sepal length and width, so it errs) is fitted in scikit-learn on the first 75 rows, and every row is
logged with its class probabilities p_setosa, p_versicolor, p_virginica, the true species, and a slice
column petal_band (long when petal length >= 4). The expected figures are those of the last 75 rows
replayed in order, 25 rows a step, 3 steps, overall and per petal_band: scikit-learn 1.2.1
accuracy_score, balanced_accuracy_score, f1_score(average=macro|weighted, zero_division=0),
log_loss(eps=1e-15), with the most probable class as the prediction.

Writes src/test/resources/tasks/logged/iris-log.csv and iris-log-expected.json.
Run from the repository root:  /usr/bin/python3 sample-data/scripts/logged_multiclass_reference.py
"""
import json

import numpy as np
import pandas as pd
from sklearn import metrics
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

OUT = "src/test/resources/tasks/logged/"
STEP = 25
REFERENCE = 75


def main():
    iris = load_iris(as_frame=True)
    frame = iris.frame.rename(columns=lambda c: c.replace(" (cm)", "").replace(" ", "_"))
    classes = list(iris.target_names)
    frame["species"] = [classes[t] for t in frame.pop("target")]
    frame = frame.iloc[np.random.RandomState(11).permutation(len(frame))].reset_index(drop=True)
    frame.insert(0, "row", np.arange(len(frame)))
    frame["petal_band"] = np.where(frame["petal_length"] >= 4, "long", "short")
    features = ["sepal_length", "sepal_width"]
    model = LogisticRegression(max_iter=5000).fit(frame[features].iloc[:REFERENCE],
                                                  frame["species"].iloc[:REFERENCE])
    assert list(model.classes_) == classes
    proba = model.predict_proba(frame[features])
    for c, name in enumerate(classes):
        frame["p_" + name] = [repr(float(v)) for v in proba[:, c]]  # every digit: the row sums to 1
    frame.to_csv(OUT + "iris-log.csv", index=False)

    logged = pd.read_csv(OUT + "iris-log.csv")
    production = logged.iloc[REFERENCE:]
    steps = []
    for step in range(len(production) // STEP):
        rows = production.iloc[step * STEP:(step + 1) * STEP]
        groups = {"overall": rows}
        for value in sorted(rows["petal_band"].unique()):
            groups["petal_band=" + value] = rows[rows["petal_band"] == value]
        steps.append({key: figures(group, classes) for key, group in groups.items()})
    with open(OUT + "iris-log-expected.json", "w") as f:
        json.dump(steps, f, indent=1, sort_keys=True)
        f.write("\n")


def figures(rows, classes):
    proba = rows[["p_" + c for c in classes]].to_numpy()
    y = rows["species"].to_numpy()
    p = np.array(classes)[proba.argmax(axis=1)]
    labels = sorted(set(y) | set(p))
    return {"n": int(len(y)), "accuracy": metrics.accuracy_score(y, p),
            "balanced_accuracy": metrics.balanced_accuracy_score(y, p),
            "macro_f1": metrics.f1_score(y, p, average="macro", labels=labels, zero_division=0),
            "weighted_f1": metrics.f1_score(y, p, average="weighted", labels=labels, zero_division=0),
            "log_loss": metrics.log_loss(y, proba, labels=classes, eps=1e-15)}


if __name__ == "__main__":
    main()
