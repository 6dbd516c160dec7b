"""Writes the real data sets of the verdict tests (run with /usr/bin/python3, scikit-learn 1.2.1).

breast-cancer-51.csv: scikit-learn's breast cancer data (569 rows, 30 features, diagnosis), shuffled with
seed 20, plus `area_band`, a 51-category column: mean_area cut at its 50 inner 1/51-quantiles (real values,
so the categories have the data's own, unequal counts near ties). Replayed as reference (first half) and
production (second half), the halves are exchangeable: every drift alarm on it is a false alarm.
"""
import numpy as np
import pandas as pd
from sklearn.datasets import load_breast_cancer

data = load_breast_cancer(as_frame=True)
frame = data.frame.rename(columns=lambda c: c.replace(" ", "_"))
frame["diagnosis"] = np.where(data.target == 0, "malignant", "benign")
frame = frame.drop(columns=["target"])
edges = np.quantile(frame["mean_area"], np.arange(1, 51) / 51)
band = np.searchsorted(edges, frame["mean_area"], side="right")
frame["area_band"] = ["band%02d" % (b + 1) for b in band]
frame = frame.sample(frac=1.0, random_state=20).reset_index(drop=True)
frame.to_csv("breast-cancer-51.csv", index=False)
print(frame["area_band"].nunique(), "bands;", len(frame), "rows")

# digits.csv: scikit-learn's handwritten digits (1,797 rows, 64 pixel counts 0-16, digit), shuffled with seed 20.
# Split 1,100 / 697 it is a reference above 1,000 rows, so the drift command's default rule decides by distances.
from sklearn.datasets import load_digits

digits = load_digits(as_frame=True).frame.rename(columns={"target": "digit"}).astype(int)
digits = digits.sample(frac=1.0, random_state=20).reset_index(drop=True)
digits.to_csv("digits.csv", index=False)
print(len(digits), "digits rows")

# iris.csv: scikit-learn's iris (150 rows, 4 measurements and the species), for the drift command's small-reference
# check (CalibratedDriftCommandTest).
from sklearn.datasets import load_iris
iris = load_iris(as_frame=True)
flowers = iris.frame.drop(columns=["target"]).rename(columns=lambda c: c.replace(" (cm)", "").replace(" ", "_"))
flowers["species"] = [iris.target_names[t] for t in iris.target]
flowers.to_csv("iris.csv", index=False)
