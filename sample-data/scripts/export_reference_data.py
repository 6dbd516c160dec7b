#!/usr/bin/python3
"""Real public data for the ONNX export tests (OnnxExportTest): scikit-learn's bundled sets as CSV.

  breast-cancer.csv  569 tumours, 30 measurements, diagnosis malignant/benign (binary)
  diabetes.csv       442 patients, age, sex (as text: one/two), bmi, bp, s1..s6, progression (regression)
  wine.csv           178 wines, 13 measurements, cultivar class_0/1/2 (multiclass)

Run from the repository root with Debian's python3-sklearn: /usr/bin/python3 sample-data/scripts/export_reference_data.py
"""
from sklearn.datasets import load_breast_cancer, load_diabetes, load_wine

OUT = "src/test/resources/export/"


def clean(frame):
    frame.columns = [c.replace(" ", "_") for c in frame.columns]
    return frame


cancer = load_breast_cancer(as_frame=True)
frame = clean(cancer.data.copy())
frame["diagnosis"] = [cancer.target_names[t] for t in cancer.target]
frame.to_csv(OUT + "breast-cancer.csv", index=False, float_format="%.10g")

diabetes = load_diabetes(scaled=False, as_frame=True).frame
diabetes["sex"] = diabetes["sex"].map({1.0: "one", 2.0: "two"})
diabetes.to_csv(OUT + "diabetes.csv", index=False, float_format="%.10g")

wine = load_wine(as_frame=True)
frame = clean(wine.data.copy())
frame["cultivar"] = [wine.target_names[t] for t in wine.target]
frame.to_csv(OUT + "wine.csv", index=False, float_format="%.10g")
