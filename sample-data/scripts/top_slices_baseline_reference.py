#!/usr/bin/python3
"""Known answers for the naive baseline beside each of run.json's top slices, on real public data: the logged
breast-cancer scores and the logged diabetes predictions of src/test/resources/verdicts (breast-cancer-log and
diabetes-log scenarios), replayed in `row` order after their reference rows.

For each slice the test names (those the runs find: clinic=C & shift=night and clinic=C for breast cancer, the
planted clinic=B & shift=day for diabetes), pandas computes over the production rows the runs replay (every
replayed row is labelled, and none is drawn twice):
  - breast cancer: the accuracy of scikit-learn 1.2.1's DummyClassifier(strategy="most_frequent") fitted on the
    reference rows, on the slice's rows;
  - diabetes: the mean absolute error of DummyRegressor(strategy="mean") fitted on the reference rows.
Writes src/test/resources/verdicts/top-slices-baseline-expected.json.
Run from the repository root:  /usr/bin/python3 sample-data/scripts/top_slices_baseline_reference.py
"""
import json

import pandas as pd
from sklearn import dummy, metrics

DIR = "src/test/resources/verdicts/"


def replay(file, share, size, steps):
    frame = pd.read_csv(DIR + file).sort_values("row")
    cut = int(round(len(frame) * share))
    return frame.iloc[:cut], frame.iloc[cut:cut + size * steps]


def main():
    out = {}
    reference, production = replay("breast-cancer-log.csv", 0.1213, 50, 10)
    guess = dummy.DummyClassifier(strategy="most_frequent").fit(reference[["row"]], reference["diagnosis"])
    slices = {"clinic=C & shift=night": (production["clinic"] == "C") & (production["shift"] == "night"),
              "clinic=C": production["clinic"] == "C"}
    out["breast_cancer"] = {name: {"n": int(rows.sum()), "baseline_accuracy": metrics.accuracy_score(
        production[rows]["diagnosis"], guess.predict(production[rows][["row"]]))} for name, rows in slices.items()}
    reference, production = replay("diabetes-log.csv", 0.095, 40, 10)
    guess = dummy.DummyRegressor(strategy="mean").fit(reference[["row"]], reference["target"])
    rows = (production["clinic"] == "B") & (production["shift"] == "day")
    out["diabetes"] = {"clinic=B & shift=day": {"n": int(rows.sum()), "baseline_mae": metrics.mean_absolute_error(
        production[rows]["target"], guess.predict(production[rows][["row"]]))}}
    with open(DIR + "top-slices-baseline-expected.json", "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
