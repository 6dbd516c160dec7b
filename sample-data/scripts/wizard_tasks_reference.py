#!/usr/bin/python3
"""Writes the data the wizard's task tests walk through, and the scikit-learn / numpy figures they are
compared with.

    src/test/resources/wizard/wine-shuffled.csv  the 178 UCI wines (sklearn.datasets.load_wine) in a
                                      shuffled order (the bundled wine.csv is sorted by cultivar, so its
                                      first half holds no class_2)
    src/test/resources/wizard/deliveries.csv     1,200 generated parcel deliveries, shaped unlike the
                                      samples: a dispatch date, a 5-kind outcome (delivery_outcome), an
                                      amount (cost_eur), text columns with other names
    src/test/resources/wizard/expected.json      per data set: a model of the wizard's kind fitted by
                                      scikit-learn on the first half of the rows (the past the wizard's
                                      scenarios replay against) and measured on the second half, beside the
                                      naive guess (training mean / majority); and numpy's mean and standard
                                      error (ddof=0) of fixed absolute errors for the amount verdict rule

Run from the repository root:  /usr/bin/python3 sample-data/scripts/wizard_tasks_reference.py
"""
import json

import numpy as np
import pandas as pd
from sklearn.datasets import load_wine
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, mean_absolute_error
from sklearn.preprocessing import StandardScaler

OUT = "src/test/resources/wizard/"
expected = {}

# Diabetes as shipped in sample-data/public (unscaled): ridge on standardised features, first half -> second.
diabetes = pd.read_csv("sample-data/public/diabetes.csv")
half = round(len(diabetes) * 0.5)
X = diabetes.drop(columns="target").to_numpy(float)
y = diabetes["target"].to_numpy(float)
scaler = StandardScaler().fit(X[:half])
ridge = Ridge(alpha=1.0).fit(scaler.transform(X[:half]), y[:half])
expected["diabetes"] = {
    "past_rows": half,
    "mae_second_half": mean_absolute_error(y[half:], ridge.predict(scaler.transform(X[half:]))),
    "mean_baseline_mae_second_half": mean_absolute_error(y[half:], np.full(len(y) - half, y[:half].mean())),
}

# Wine, shuffled, cultivar as class_0..2; multinomial logistic regression on standardised features.
wine = load_wine(as_frame=True)
frame = wine.frame.rename(columns={"od280/od315_of_diluted_wines": "od280_od315", "target": "cultivar"})
frame["cultivar"] = frame["cultivar"].map(lambda c: f"class_{c}")
frame = frame.sample(frac=1.0, random_state=7).reset_index(drop=True)
frame.to_csv(OUT + "wine-shuffled.csv", index=False)
half = round(len(frame) * 0.5)
X = frame.drop(columns="cultivar").to_numpy(float)
y = frame["cultivar"].to_numpy()
scaler = StandardScaler().fit(X[:half])
logistic = LogisticRegression(max_iter=5000).fit(scaler.transform(X[:half]), y[:half])
majority = pd.Series(y[:half]).value_counts().idxmax()
expected["wine"] = {
    "past_rows": half,
    "accuracy_second_half": accuracy_score(y[half:], logistic.predict(scaler.transform(X[half:]))),
    "majority": majority,
    "majority_accuracy_second_half": float(np.mean(y[half:] == majority)),
}

# Deliveries: generated, with a date, a 5-kind outcome and an amount.
rng = np.random.default_rng(2026)
n = 1200
dates = pd.Timestamp("2026-01-05") + pd.to_timedelta(rng.integers(0, 300, n), unit="D")
distance = rng.gamma(3.0, 40.0, n).round(1)
weight = rng.gamma(2.0, 3.0, n).round(2)
carrier = rng.choice(["Northline", "QuickPost", "Ferrum Freight", "Blue Van"], n, p=[0.4, 0.3, 0.2, 0.1])
region = rng.choice(["Alpine", "Coast", "Capital", "Lowlands"], n)
cost = (4.5 + 0.09 * distance + 0.8 * weight + np.where(carrier == "Ferrum Freight", 6.0, 0.0)
        + rng.normal(0, 2.0, n)).round(2)
risk = 0.012 * distance + 0.08 * weight + np.where(carrier == "Blue Van", 1.5, 0.0) + rng.normal(0, 0.7, n)
outcome = np.select([risk < 1.2, risk < 2.0, risk < 2.8, risk < 3.6],
                    ["on time", "a day late", "a week late", "returned"], "lost")
deliveries = pd.DataFrame({"dispatch_date": dates.strftime("%Y-%m-%d"), "carrier": carrier, "region": region,
                           "distance_km": distance, "parcel_kg": weight, "cost_eur": cost,
                           "delivery_outcome": outcome})
deliveries.to_csv(OUT + "deliveries.csv", index=False)
expected["deliveries"] = {"outcome_counts": deliveries["delivery_outcome"].value_counts().to_dict()}

# The amount verdict's standard error: numpy on fixed absolute errors.
errors = np.abs(np.array([3.0, -1.5, 4.25, 0.0, -7.5, 2.0, 9.75, -0.5]))
expected["errors"] = {"values": errors.tolist(), "mae": errors.mean(), "rmse": float(np.sqrt((errors ** 2).mean())),
                      "standard_error": float(errors.std(ddof=0) / np.sqrt(len(errors)))}

with open(OUT + "expected.json", "w") as f:
    json.dump(expected, f, indent=2, sort_keys=True)
    f.write("\n")
print(json.dumps(expected, indent=2))
