#!/usr/bin/python3
"""Known answers for the slice table's per-slice naive baseline on real public data: R's Pima Indians diabetes
set (mlbench's PimaIndiansDiabetes, src/test/resources/rdata/pima.csv, 768 women).

Writes src/test/resources/tasks/window/pima-log.csv: the set with a `row` number, two slice columns
(`age_group`: under 30, 30 to 49, 50 and over; `bmi_group`: under 30, 30 and over) and the logged `score` of a
deliberately weak model — scikit-learn 1.2.1's LogisticRegression(class_weight="balanced") on blood pressure and
age, fitted on the first 192 rows (the scenario's reference, share 0.25) — so that some slices are no better
than always answering the majority class.

And pima-slices-expected.json: for the last of the six steps of 96 rows that follow the reference (replayed in
`row` order), per slice (and overall) its rows, the model's accuracy (score >= 0.5 is 'pos') and the accuracy of
DummyClassifier(strategy="most_frequent") fitted on the reference rows (its majority over all of them, as the
engine's baseline monitor answers: one model for every slice), with pandas' groupby.
Run from the repository root:  /usr/bin/python3 sample-data/scripts/slice_baseline_reference.py
"""
import json

import numpy as np
import pandas as pd
from sklearn import dummy, metrics
from sklearn.linear_model import LogisticRegression

OUT = "src/test/resources/tasks/window/"
REFERENCE = 192
STEP = 96


def main():
    frame = pd.read_csv("src/test/resources/rdata/pima.csv")
    frame.insert(0, "row", range(len(frame)))
    frame["age_group"] = pd.cut(frame["age"], [0, 29, 49, 200],
                                labels=["under 30", "30 to 49", "50 and over"]).astype(str)
    frame["bmi_group"] = np.where(frame["mass"] < 30, "under 30", "30 and over")
    reference = frame.iloc[:REFERENCE]
    weak = LogisticRegression(class_weight="balanced").fit(reference[["pressure", "age"]],
                                                           reference["diabetes"] == "pos")
    frame["score"] = weak.predict_proba(frame[["pressure", "age"]])[:, 1].round(12)
    frame.to_csv(OUT + "pima-log.csv", index=False)
    counts = reference["diabetes"].value_counts()
    assert counts.iloc[0] > counts.iloc[1], "a tie for the majority class"
    guess = dummy.DummyClassifier(strategy="most_frequent").fit(reference[["row"]], reference["diabetes"])
    last = frame.iloc[REFERENCE + 5 * STEP:REFERENCE + 6 * STEP].copy()
    assert len(last) == STEP and not (last["score"] == 0.5).any()
    last["model"] = np.where(last["score"] >= 0.5, "pos", "neg")
    last["guess"] = guess.predict(last[["row"]])

    def figures(rows):
        return {"n": int(len(rows)), "accuracy": metrics.accuracy_score(rows["diabetes"], rows["model"]),
                "guess_accuracy": metrics.accuracy_score(rows["diabetes"], rows["guess"])}

    out = {"majority": str(guess.predict(last[["row"]])[0]), "overall": figures(last)}
    for column in ["age_group", "bmi_group"]:
        for value, rows in last.groupby(column):
            out[column + "=" + value] = figures(rows)
    with open(OUT + "pima-slices-expected.json", "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
