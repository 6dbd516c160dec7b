"""Writes the regression top-slices test data (run with /usr/bin/python3, scikit-learn 1.2.1, scipy, pandas).

diabetes-log.csv: scikit-learn's diabetes data (442 rows, unscaled) as a production log: `row` (the replay
order), `clinic` (A-D) and `shift` (day/night) drawn with seed 11, the 10 features (`sex` as one/two), `target`
and `prediction`, the out-of-fold prediction of a linear regression (5-fold cross_val_predict).
Planted worst slice: on the rows with clinic B and shift day the prediction is 70 too high.

error-slices-expected.json: for the production rows (the last 400 in `row` order; the first 42 are the
reference), the planted slice's n and mean absolute error and the rest's (pandas), scipy's Welch t-test of the
absolute errors (ttest_ind, equal_var=False, two-sided) and the 95% t interval of the slice's MAE; and, for
every value of `clinic` and of `shift`, the same figures (the search's first level).
"""
import json

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import cross_val_predict

data = load_diabetes(as_frame=True, scaled=False)
X = data.frame.drop(columns=["target"])
y = data.target
prediction = cross_val_predict(LinearRegression(), X, y, cv=5)
rng = np.random.default_rng(11)
n = len(X)
clinic = rng.choice(list("ABCD"), size=n)
shift = rng.choice(["day", "night"], size=n)
planted = (clinic == "B") & (shift == "day")
prediction = np.where(planted, prediction + 70, prediction)
X = X.assign(sex=np.where(X["sex"] == 1, "one", "two"))
frame = pd.concat([pd.DataFrame({"row": np.arange(n), "clinic": clinic, "shift": shift}), X], axis=1)
frame["target"] = y
frame["prediction"] = np.round(prediction, 8)
frame.to_csv("diabetes-log.csv", index=False)

production = frame.iloc[42:]
error = (production["target"] - production["prediction"]).abs()


def figures(inside, predicates):
    a, b = error[inside], error[~inside]
    t = stats.ttest_ind(a, b, equal_var=False)
    half = stats.t.ppf(0.975, len(a) - 1) * a.std(ddof=1) / np.sqrt(len(a))
    return {"predicates": predicates, "n": int(inside.sum()), "mae": float(a.mean()), "rest_mae": float(b.mean()),
            "low": float(a.mean() - half), "high": float(a.mean() + half), "p_value": float(t.pvalue)}


expected = {"rows": int(len(production)), "mae": float(error.mean()),
            "slice": figures((production["clinic"] == "B") & (production["shift"] == "day"),
                             [{"column": "clinic", "value": "B"}, {"column": "shift", "value": "day"}]),
            "level1": [figures(production[c] == v, [{"column": c, "value": v}])
                       for c in ["clinic", "shift"] for v in sorted(production[c].unique())]}
with open("error-slices-expected.json", "w") as out:
    json.dump(expected, out, indent=2)
print(json.dumps(expected, indent=2))
