"""Writes the public data and the independent reference values of the multivariate drift tests.

Run with /usr/bin/python3 (scikit-learn 1.2.1, numpy 1.24) from this folder. scikit-learn's breast cancer set
(569 rows, 30 numeric columns) is shuffled (seed 7) and cut into a reference (369 rows) and a current table
(200 rows). The planted table is the current table with `worst_radius` and `mean_perimeter` each shuffled
among the current rows: both columns keep their values, so every column's distribution stays as it was,
but their relation to the other size columns (correlation about 0.99) is gone.

expected.json holds NannyML's data reconstruction drift computed with scikit-learn (StandardScaler, PCA with
n_components=0.65, inverse_transform, mean Euclidean error) for the three tables, and the band of TwinBench's
calibration rule (docs/cli.md#multivariate-drift), computed here with scikit-learn and scipy: each reference row's
error from a PCA with the same number of components fitted on the other nine folds of the standardised reference
(row i in fold i % 10), and the band mean ± z·sd·sqrt(1/m + 1/n) of those n errors for a batch of m rows, z =
norm.ppf(0.995), shifted by the Cornish-Fisher term skew·(z² − 1)/6 with the skew of the difference between a batch
mean and the reference mean, κ3·(1/m² − 1/n²)/sd_d³, capped at ±1. NannyML's own band (consecutive reference
chunks' mean ± 3 population sd), which the rule replaced, is kept as chunk_lower/chunk_upper for comparison.
"""
from scipy.stats import norm
import json

import numpy as np
import pandas as pd
from sklearn.datasets import load_breast_cancer
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

data = load_breast_cancer(as_frame=True).frame.drop(columns=["target"])
data.columns = [c.replace(" ", "_") for c in data.columns]
rng = np.random.default_rng(7)
data = data.iloc[rng.permutation(len(data))].reset_index(drop=True)
reference = data.iloc[:369].reset_index(drop=True)
current = data.iloc[369:].reset_index(drop=True)
planted = current.copy()
for column in ["worst_radius", "mean_perimeter"]:
    planted[column] = planted[column].to_numpy()[rng.permutation(len(planted))]

reference.to_csv("breast-reference.csv", index=False)
current.to_csv("breast-current.csv", index=False)
planted.to_csv("breast-current-planted.csv", index=False)

scaler = StandardScaler().fit(reference)
pca = PCA(n_components=0.65, random_state=16).fit(scaler.transform(reference))


def errors(frame):
    z = scaler.transform(frame)
    return np.linalg.norm(z - pca.inverse_transform(pca.transform(z)), axis=1)


def thresholds(batch_rows):
    size = max(1, min(batch_rows, len(reference) // 10))
    e = errors(reference)
    chunks = np.array([e[c * size:(c + 1) * size].mean() for c in range(len(reference) // size)])
    return max(0.0, chunks.mean() - 3 * chunks.std()), chunks.mean() + 3 * chunks.std()


def out_of_fold_errors():
    z = scaler.transform(reference)
    k = pca.n_components_
    e = np.empty(len(z))
    for fold in range(10):
        held = np.arange(fold, len(z), 10)
        rest = np.setdiff1d(np.arange(len(z)), held)
        fold_pca = PCA(n_components=k, svd_solver="full").fit(z[rest])
        e[held] = np.linalg.norm(z[held] - fold_pca.inverse_transform(fold_pca.transform(z[held])), axis=1)
    return e


def band(batch_rows):
    e = out_of_fold_errors()
    n, m = len(e), batch_rows
    sd = e.std(ddof=1) * np.sqrt(1 / m + 1 / n)
    skew = np.clip(((e - e.mean()) ** 3).mean() * (1 / m ** 2 - 1 / n ** 2) / sd ** 3, -1, 1)
    z = norm.ppf(0.995)
    shift = skew * (z * z - 1) / 6
    return max(0.0, e.mean() + sd * (shift - z)), e.mean() + sd * (shift + z)


chunk_lower, chunk_upper = thresholds(len(current))
lower, upper = band(len(current))
expected = {
    "components": int(pca.n_components_),
    "reference_error": float(errors(reference).mean()),
    "current_error": float(errors(current).mean()),
    "planted_error": float(errors(planted).mean()),
    "lower_threshold": float(lower),
    "upper_threshold": float(upper),
    "out_of_fold_mean_error": float(out_of_fold_errors().mean()),
    "chunk_lower": float(chunk_lower),
    "chunk_upper": float(chunk_upper),
    "first_row_errors": [float(v) for v in errors(current)[:5]],
}
with open("expected.json", "w") as f:
    json.dump(expected, f, indent=2)
    f.write("\n")
print(expected)
