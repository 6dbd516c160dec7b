#!/usr/bin/python3
"""Known answers for the naive baseline the window shows beside a run's figures (live chart, slice table),
on real public data: the engine's replay files of scikit-learn's diabetes and wine sets (see
engine_tasks_reference.py) and the logged breast-cancer scores of src/test/resources/verdicts.

For each replay: the reference rows are the first ones in `row` order (share 0.5, breast cancer 0.1213 of
569 = 69), the production rows follow cut into steps of 50 (diabetes, breast cancer) or 20 (wine). The
baseline is scikit-learn 1.2.1's DummyRegressor(strategy="mean") / DummyClassifier(strategy="most_frequent")
fitted on the reference rows and scored on each step's rows (mean_absolute_error,
sqrt(mean_squared_error), accuracy_score), and on the last step's rows of each slice (pandas groupby). For breast cancer also the last step's recall_score of
'malignant' (score >= 0.5) and its accuracy, the figures the binary overall row reads beside the guess.

Writes src/test/resources/tasks/engine/baseline-window-expected.json.
Run from the repository root:  /usr/bin/python3 sample-data/scripts/baseline_window_reference.py
"""
import json

import numpy as np
import pandas as pd
from sklearn import dummy, metrics

ENGINE = "src/test/resources/tasks/engine/"


def steps(frame, share, size, count):
    frame = frame.sort_values("row")
    cut = int(round(len(frame) * share))
    production = frame.iloc[cut:]
    return frame.iloc[:cut], [production.iloc[s * size:(s + 1) * size] for s in range(count)]


def main():
    out = {}
    reference, production = steps(pd.read_csv(ENGINE + "diabetes-replay.csv"), 0.5, 50, 4)
    guess = dummy.DummyRegressor(strategy="mean").fit(reference[["age"]], reference["target"])
    out["diabetes"] = [{"mae": metrics.mean_absolute_error(rows["target"], guess.predict(rows[["age"]])),
                        "rmse": float(np.sqrt(metrics.mean_squared_error(rows["target"],
                                                                         guess.predict(rows[["age"]]))))}
                       for rows in production]
    # The last step per slice of sex: the same mean guess (one model for every slice), scored on the slice's rows.
    last = production[-1]
    out["diabetes_last_by_sex"] = {
        "sex=" + sex: {"mae": metrics.mean_absolute_error(rows["target"], guess.predict(rows[["age"]])),
                       "rmse": float(np.sqrt(metrics.mean_squared_error(rows["target"], guess.predict(rows[["age"]]))))}
        for sex, rows in last.groupby("sex")}
    reference, production = steps(pd.read_csv(ENGINE + "wine-replay.csv"), 0.5, 20, 4)
    counts = reference["cultivar"].value_counts()
    assert counts.iloc[0] > counts.iloc[1], "a tie for the majority class"
    guess = dummy.DummyClassifier(strategy="most_frequent").fit(reference[["alcohol"]], reference["cultivar"])
    out["wine"] = [{"accuracy": metrics.accuracy_score(rows["cultivar"], guess.predict(rows[["alcohol"]]))}
                   for rows in production]
    out["wine_last_by_alcohol_level"] = {
        "alcohol_level=" + level: {"accuracy": metrics.accuracy_score(rows["cultivar"], guess.predict(rows[["alcohol"]]))}
        for level, rows in production[-1].groupby("alcohol_level")}
    reference, production = steps(pd.read_csv("src/test/resources/verdicts/breast-cancer-log.csv"), 0.1213, 50, 10)
    counts = reference["diagnosis"].value_counts()
    assert counts.iloc[0] > counts.iloc[1], "a tie for the majority class"
    guess = dummy.DummyClassifier(strategy="most_frequent").fit(reference[["row"]], reference["diagnosis"])
    last = production[-1]
    assert not (last["score"] == 0.5).any()
    predicted = np.where(last["score"] >= 0.5, "malignant", "benign")
    out["breast_cancer"] = {"majority": str(guess.predict(last[["row"]])[0]),
                            "accuracy": metrics.accuracy_score(last["diagnosis"], predicted),
                            "recall": metrics.recall_score(last["diagnosis"], predicted, pos_label="malignant"),
                            "guess_accuracy": metrics.accuracy_score(last["diagnosis"],
                                                                     guess.predict(last[["row"]]))}
    with open(ENGINE + "baseline-window-expected.json", "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
