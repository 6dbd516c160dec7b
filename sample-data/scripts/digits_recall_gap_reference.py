#!/usr/bin/python3
"""Known answers for the pooled multiclass recall gap on real public data: scikit-learn's bundled digits set
(1,797 handwritten digits, 10 classes). Each row gets a group, `ink` ('heavy' when its pixel sum is above the
median, else 'light'), and the logged class probabilities `p_0` … `p_9` of scikit-learn 1.2.1's
LogisticRegression(max_iter=5000) from 5-fold cross_val_predict (every row scored by a model that never saw it).
Written without the pixels: src/test/resources/tasks/fairness/digits-log.csv.

The scenario replays the second half of the file (the first half is the reference) drawn with replacement, so the
pooled recall of a class in a group tends to its recall over that group's production rows. pandas gives, per class,
each group's recall (the predicted class is the most probable, ties to the first) and rows, and the gap max − min:
digits-recall-expected.json.
Run from the repository root:  /usr/bin/python3 sample-data/scripts/digits_recall_gap_reference.py
"""
import json

import numpy as np
import pandas as pd
from sklearn import datasets
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict

OUT = "src/test/resources/tasks/fairness/"


def main():
    digits = datasets.load_digits()
    ink = digits.data.sum(axis=1)
    proba = cross_val_predict(LogisticRegression(max_iter=5000), digits.data, digits.target, cv=5,
                              method="predict_proba")
    frame = pd.DataFrame({"row": range(len(ink)), "ink": np.where(ink > np.median(ink), "heavy", "light"),
                          "digit": ["d" + str(t) for t in digits.target]})
    for c in range(10):
        frame["p_d" + str(c)] = proba[:, c].round(10)
    frame.to_csv(OUT + "digits-log.csv", index=False)
    # The reference is the first round-half-up(0.5 × 1797) = 899 rows, as the engine cuts it (Python's round()
    # would round 898.5 to even): 898 production rows.
    production = frame.iloc[int(np.floor(len(frame) * 0.5 + 0.5)):]
    assert len(production) == 898
    predicted = production[["p_d" + str(c) for c in range(10)]].to_numpy().argmax(axis=1)
    production = production.assign(right=[("d" + str(p)) == d for p, d in zip(predicted, production["digit"])])
    out = {}
    for digit, rows in production.groupby("digit"):
        groups = {ink: {"recall": float(g["right"].mean()), "n": int(len(g))} for ink, g in rows.groupby("ink")}
        recalls = [g["recall"] for g in groups.values()]
        out[digit] = {"groups": groups, "gap": max(recalls) - min(recalls)}
    with open(OUT + "digits-recall-expected.json", "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
