#!/usr/bin/python3
"""Known answers for the guided check trying a model the user was given of amounts or kinds, on real public
data (scikit-learn's bundled diabetes set, and wine shuffled as src/test/resources/wizard/wine-shuffled.csv).

The test trains the given model on the past half of the rows (diabetes: 221, ridge; wine: 89, multinomial
logistic) and the wizard tries it on all the rows. Here: scikit-learn 1.2.1 StandardScaler + Ridge(alpha=1) /
LogisticRegression fitted on the same rows, mean_absolute_error / accuracy_score on all the rows, and the naive
guesses on all the rows (the mean and its mean absolute error; the commonest kind and its share).

Writes src/test/resources/wizard/given-expected.json.
Run from the repository root:  /usr/bin/python3 sample-data/scripts/wizard_given_models_reference.py
"""
import json

import pandas as pd
from sklearn import metrics
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

diabetes = pd.read_csv("sample-data/public/diabetes.csv")
X, y = diabetes.drop(columns="target"), diabetes["target"]
ridge = make_pipeline(StandardScaler(), Ridge(alpha=1.0)).fit(X[:221], y[:221])
wine = pd.read_csv("src/test/resources/wizard/wine-shuffled.csv")
W, c = wine.drop(columns="cultivar"), wine["cultivar"]
logistic = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)).fit(W[:89], c[:89])
out = {"diabetes": {"rows": len(y), "mae_all": metrics.mean_absolute_error(y, ridge.predict(X)),
                    "mean": y.mean(), "mean_guess_mae": (y - y.mean()).abs().mean()},
       "wine": {"rows": len(c), "accuracy_all": metrics.accuracy_score(c, logistic.predict(W)),
                "commonest": c.value_counts().index[0], "commonest_share": c.value_counts().iloc[0] / len(c)}}
with open("src/test/resources/wizard/given-expected.json", "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
