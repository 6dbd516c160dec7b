#!/usr/bin/python3
"""Writes the data of sim.RegressionGuessCallOutTest (run here with /usr/bin/python3: scikit-learn 1.2.1, pandas).

diabetes-guess-log.csv: scikit-learn's diabetes data (442 rows, unscaled; `sex` as one/two) as a production log in
`row` order, with two models' predictions of `target`:
  - `good`: a linear regression's out-of-fold prediction (5-fold cross_val_predict);
  - `shuffled`: a deliberately bad model, a fully grown decision tree (seed 7) fitted on the first half's features
    with their targets shuffled (numpy seed 7), predicting every row: it learnt noise, and answers as widely as the
    amounts vary.
The scenarios replay the second half (reference_share 0.5: the first 221 rows are the reference), 20 steps of 11.

guess-expected.json: for each model, per step the MAE and RMSE of the model and of scikit-learn's
DummyRegressor(strategy="mean") fitted on the reference rows (the naive guess), and the means over the last tenth of
the steps (the last 2) that the run's headline compares.
"""
import json

import numpy as np
import pandas as pd
from sklearn.datasets import load_diabetes
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import cross_val_predict
from sklearn.tree import DecisionTreeRegressor

data = load_diabetes(as_frame=True, scaled=False)
X = data.frame.drop(columns=["target"])
y = data.target
n = len(X)
cut = int(round(n * 0.5))
good = cross_val_predict(LinearRegression(), X, y, cv=5)
rng = np.random.default_rng(7)
noise = DecisionTreeRegressor(random_state=7).fit(X.iloc[:cut], rng.permutation(y.iloc[:cut].values))
shuffled = noise.predict(X)
frame = pd.concat([pd.DataFrame({"row": np.arange(n)}), X.assign(sex=np.where(X["sex"] == 1, "one", "two"))], axis=1)
frame["target"] = y
frame["good"] = np.round(good, 8)
frame["shuffled"] = np.round(shuffled, 8)
frame.to_csv("diabetes-guess-log.csv", index=False)

reference, production = frame.iloc[:cut], frame.iloc[cut:cut + 20 * 11]
guess = DummyRegressor(strategy="mean").fit(reference[["row"]], reference["target"])
expected = {}
for model in ["good", "shuffled"]:
    steps = []
    for s in range(20):
        rows = production.iloc[s * 11:(s + 1) * 11]
        naive = guess.predict(rows[["row"]])
        steps.append({"mae": mean_absolute_error(rows["target"], rows[model]),
                      "rmse": mean_squared_error(rows["target"], rows[model]) ** 0.5,
                      "baseline_mae": mean_absolute_error(rows["target"], naive),
                      "baseline_rmse": mean_squared_error(rows["target"], naive) ** 0.5})
    last = pd.DataFrame(steps[-2:]).mean()
    expected[model] = {"steps": steps, "last_tenth": {k: float(v) for k, v in last.items()}}
with open("guess-expected.json", "w") as out:
    json.dump(expected, out, indent=1, sort_keys=True)
    out.write("\n")
print(json.dumps({m: expected[m]["last_tenth"] for m in expected}, indent=1))
