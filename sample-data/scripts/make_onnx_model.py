#!/usr/bin/python3
"""Builds sample-data/loans-logistic.onnx from sample-data/loans.csv.

Needs only Debian's python3-sklearn and python3-onnx (no skl2onnx): scikit-learn fits a logistic
regression on the standardised numeric columns, and the ONNX graph is written by hand with
onnx.helper from the fitted coefficients:

    one input per column (float, shape [N, 1], named as the column)
    -> Concat -> Where(IsNaN(x), mean, x) -> (x - mean) / sd -> MatMul(w) + b -> Sigmoid
    -> output "probability" (float, shape [N, 1]): P(defaulted = yes)

A missing value (NaN) becomes the training mean, as the script does before fitting. Also writes
the sidecar loans-logistic.onnx.json (target, positive label) and, for the Java test, the script's
own predictions for the first 500 rows of loans.csv (sklearn's predict_proba, float64).

Run from the repository root:  /usr/bin/python3 sample-data/scripts/make_onnx_model.py
"""
import csv
import json

import numpy as np
import onnx
from onnx import TensorProto, helper
from sklearn.linear_model import LogisticRegression

FEATURES = ["income", "debt_to_income", "age", "credit_history_years", "loan_amount", "term_months"]
TRAIN_ROWS = 16000
FIXTURE_ROWS = 500


def read_loans(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) if r[c] != "" else np.nan for c in FEATURES] for r in rows])
    y = np.array([1 if r["defaulted"] == "yes" else 0 for r in rows])
    ids = [r["application_id"] for r in rows]
    return ids, x, y


def main():
    ids, x, y = read_loans("sample-data/loans.csv")
    train = x[:TRAIN_ROWS]
    mean = np.nanmean(train, axis=0)
    sd = np.nanstd(train, axis=0, ddof=1)

    def standardise(values):
        filled = np.where(np.isnan(values), mean, values)
        return (filled - mean) / sd

    model = LogisticRegression(C=1.0, max_iter=1000)
    model.fit(standardise(train), y[:TRAIN_ROWS])
    w = model.coef_[0]
    b = model.intercept_[0]

    inputs = [helper.make_tensor_value_info(c, TensorProto.FLOAT, ["N", 1]) for c in FEATURES]
    output = helper.make_tensor_value_info("probability", TensorProto.FLOAT, ["N", 1])
    k = len(FEATURES)
    init = [
        helper.make_tensor("mean", TensorProto.FLOAT, [1, k], mean.astype(np.float32).tolist()),
        helper.make_tensor("sd", TensorProto.FLOAT, [1, k], sd.astype(np.float32).tolist()),
        helper.make_tensor("w", TensorProto.FLOAT, [k, 1], w.astype(np.float32).tolist()),
        helper.make_tensor("b", TensorProto.FLOAT, [1], [float(b)]),
    ]
    nodes = [
        helper.make_node("Concat", FEATURES, ["x"], axis=1),
        helper.make_node("IsNaN", ["x"], ["missing"]),
        helper.make_node("Where", ["missing", "mean", "x"], ["filled"]),
        helper.make_node("Sub", ["filled", "mean"], ["centred"]),
        helper.make_node("Div", ["centred", "sd"], ["z"]),
        helper.make_node("MatMul", ["z", "w"], ["eta0"]),
        helper.make_node("Add", ["eta0", "b"], ["eta"]),
        helper.make_node("Sigmoid", ["eta"], ["probability"]),
    ]
    graph = helper.make_graph(nodes, "loans_logistic", inputs, [output], init)
    onnx_model = helper.make_model(graph, producer_name="twinbench-sample-data",
                                   opset_imports=[helper.make_opsetid("", 13)])
    onnx_model.ir_version = 8
    onnx.checker.check_model(onnx_model)
    onnx.save(onnx_model, "sample-data/loans-logistic.onnx")

    with open("sample-data/loans-logistic.onnx.json", "w", encoding="utf-8") as f:
        json.dump({"format": "twinbench.onnx-mapping", "version": 1, "target": "defaulted",
                   "positive_label": "yes", "output": "probability",
                   "note": "logistic regression on the standardised numeric columns of loans.csv "
                           "(first 16000 rows); made by sample-data/scripts/make_onnx_model.py"}, f, indent=2)
        f.write("\n")

    probabilities = model.predict_proba(standardise(x[:FIXTURE_ROWS]))[:, 1]
    with open("src/test/resources/onnx/loans-logistic-predictions.csv", "w", encoding="utf-8") as f:
        f.write("application_id,probability\n")
        for i, p in zip(ids[:FIXTURE_ROWS], probabilities):
            f.write(f"{i},{p:.17g}\n")


if __name__ == "__main__":
    main()
