"""Writes the public data and the independent reference values of the multivariate drift tests.

Run with /usr/bin/python3 (scikit-learn 1.2.1, numpy 1.24) from this folder. scikit-learn's breast cancer set
(569 rows, 30 numeric columns) is shuffled (seed 7) and cut into a reference (369 rows) and a current table
(200 rows). The planted table is the current table with `worst_radius` and `mean_perimeter` each shuffled
among the current rows: both columns keep their values, so every column's distribution stays as it was,
but their relation to the other size columns (correlation about 0.99) is gone.

expected.json holds NannyML's data reconstruction drift computed with scikit-learn (StandardScaler, PCA with
n_components=0.65, inverse_transform, mean Euclidean error) for the three tables, and the thresholds of
TwinBench's chunk rule (consecutive reference chunks of min(batch rows, reference rows // 10) rows, mean ± 3
population sd).
"""
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


lower, upper = thresholds(len(current))
expected = {
    "components": int(pca.n_components_),
    "reference_error": float(errors(reference).mean()),
    "current_error": float(errors(current).mean()),
    "planted_error": float(errors(planted).mean()),
    "lower_threshold": float(lower),
    "upper_threshold": float(upper),
    "first_row_errors": [float(v) for v in errors(current)[:5]],
}
with open("expected.json", "w") as f:
    json.dump(expected, f, indent=2)
    f.write("\n")
print(expected)
