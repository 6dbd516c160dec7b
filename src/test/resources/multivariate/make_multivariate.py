"""Writes the public data and the independent reference values of the multivariate drift tests.

Run with /usr/bin/python3 (scikit-learn 1.2.1, numpy 1.24) from this folder. scikit-learn's breast cancer set
(569 rows, 30 numeric columns) is shuffled (seed 7) and cut into a reference (369 rows) and a current table
(200 rows). The planted table is the current table with `worst_radius` and `mean_perimeter` each shuffled
among the current rows: both columns keep their values, so every column's distribution stays as it was,
but their relation to the other size columns (correlation about 0.99) is gone.

expected.json holds NannyML's data reconstruction drift computed with scikit-learn (StandardScaler, PCA with
n_components=0.65, inverse_transform, mean Euclidean error) for the three tables, the same means with each row's
error capped at the 0.99 quantile of the reference rows' own errors (row_cap, *_counted_error), and the range (smallest to
largest over 200 seeds) of the band of TwinBench's calibration rule (docs/cli.md#multivariate-drift) for a batch of
the current table's 200 rows, computed here with scikit-learn on this script's own random folds and draws
(resampled_band, false_alarms.py's cross-fit); TwinBench's band, on its own splits, must fall in that range. NannyML's own band (consecutive reference
chunks' mean ± 3 population sd), which the rule replaced, is kept as chunk_lower/chunk_upper for comparison.
"""
import json

import numpy as np
import pandas as pd
from sklearn.datasets import load_breast_cancer
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

import false_alarms

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


# A row counts in a batch's error for at most the 0.99 quantile of the reference rows' own errors (numpy's linear).
cap = float(np.quantile(errors(reference), 0.99))


def counted(frame):
    return np.minimum(errors(frame), cap)


def thresholds(batch_rows):
    size = max(1, min(batch_rows, len(reference) // 10))
    e = errors(reference)
    chunks = np.array([e[c * size:(c + 1) * size].mean() for c in range(len(reference) // size)])
    return max(0.0, chunks.mean() - 3 * chunks.std()), chunks.mean() + 3 * chunks.std()


def resampled_band(batch_rows, seed):
    """TwinBench's cross-fitted band (docs/cli.md#multivariate-drift) with this script's own random folds and draws
    (false_alarms.py's out_of_fold and band, scikit-learn's StandardScaler and PCA with the reference's component
    count)."""
    rng = np.random.default_rng(seed)
    x = reference.to_numpy(float)
    c = false_alarms.out_of_fold(x, pca.n_components_, cap, rng)
    return false_alarms.band(c, counted(reference).mean(), batch_rows, rng)


chunk_lower, chunk_upper = thresholds(len(current))
bands = np.array([resampled_band(len(current), seed) for seed in range(200)])
expected = {
    "components": int(pca.n_components_),
    "reference_error": float(errors(reference).mean()),
    "current_error": float(errors(current).mean()),
    "planted_error": float(errors(planted).mean()),
    "row_cap": cap,
    "reference_counted_error": float(counted(reference).mean()),
    "current_counted_error": float(counted(current).mean()),
    "planted_counted_error": float(counted(planted).mean()),
    "lower_threshold_range": [float(np.min(bands[:, 0])), float(np.max(bands[:, 0]))],
    "upper_threshold_range": [float(np.min(bands[:, 1])), float(np.max(bands[:, 1]))],
    "chunk_lower": float(chunk_lower),
    "chunk_upper": float(chunk_upper),
    "first_row_errors": [float(v) for v in errors(current)[:5]],
}
with open("expected.json", "w") as f:
    json.dump(expected, f, indent=2)
    f.write("\n")
print(expected)
