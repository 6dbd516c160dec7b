#!/usr/bin/python3
"""Builds the sample ONNX models of sample-data: loans-logistic.onnx (from loans.csv) and
churn-logistic.onnx (from churn.csv).

Needs only Debian's python3-sklearn and python3-onnx (no skl2onnx): scikit-learn fits a logistic
regression on the standardised numeric columns, and the ONNX graph is written by hand with
onnx.helper from the fitted coefficients:

    one input per column (float, shape [N, 1], named as the column)
    -> Concat -> Where(IsNaN(x), mean, x) -> (x - mean) / sd -> MatMul(w) + b -> Sigmoid
    -> output "probability" (float, shape [N, 1]): P(target = yes)

A missing value (NaN) becomes the training mean, as the script does before fitting. Also writes
each model's sidecar MODEL.onnx.json (target, positive label) and, for the Java tests, the script's
own predictions for the first 500 rows of the data (sklearn's predict_proba, float64).

Run from the repository root:  /usr/bin/python3 sample-data/scripts/make_onnx_model.py [loans|churn ...]
(no argument: both models).
"""
import csv
import json
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper
from sklearn.linear_model import LogisticRegression

FIXTURE_ROWS = 500

# name -> data file, id column, label column, numeric features, training rows, note
MODELS = {
    "loans": dict(data="loans.csv", id="application_id", target="defaulted",
                  features=["income", "debt_to_income", "age", "credit_history_years", "loan_amount",
                            "term_months"],
                  train_rows=16000,
                  note="logistic regression on the standardised numeric columns of loans.csv "
                       "(first 16000 rows); made by sample-data/scripts/make_onnx_model.py"),
    "churn": dict(data="churn.csv", id="customer_id", target="churned",
                  features=["tenure_months", "monthly_spend", "support_tickets", "last_month_usage_hours"],
                  train_rows=8000,
                  note="logistic regression on the standardised numeric columns of churn.csv "
                       "(first 8000 rows); made by sample-data/scripts/make_onnx_model.py"),
}


def read_table(path, spec):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    x = np.array([[float(r[c]) if r[c] != "" else np.nan for c in spec["features"]] for r in rows])
    y = np.array([1 if r[spec["target"]] == "yes" else 0 for r in rows])
    ids = [r[spec["id"]] for r in rows]
    return ids, x, y


def make(name, spec):
    features = spec["features"]
    train_rows = spec["train_rows"]
    ids, x, y = read_table("sample-data/" + spec["data"], spec)
    train = x[:train_rows]
    mean = np.nanmean(train, axis=0)
    sd = np.nanstd(train, axis=0, ddof=1)

    def standardise(values):
        filled = np.where(np.isnan(values), mean, values)
        return (filled - mean) / sd

    model = LogisticRegression(C=1.0, max_iter=1000)
    model.fit(standardise(train), y[:train_rows])
    w = model.coef_[0]
    b = model.intercept_[0]

    inputs = [helper.make_tensor_value_info(c, TensorProto.FLOAT, ["N", 1]) for c in features]
    output = helper.make_tensor_value_info("probability", TensorProto.FLOAT, ["N", 1])
    k = len(features)
    init = [
        helper.make_tensor("mean", TensorProto.FLOAT, [1, k], mean.astype(np.float32).tolist()),
        helper.make_tensor("sd", TensorProto.FLOAT, [1, k], sd.astype(np.float32).tolist()),
        helper.make_tensor("w", TensorProto.FLOAT, [k, 1], w.astype(np.float32).tolist()),
        helper.make_tensor("b", TensorProto.FLOAT, [1], [float(b)]),
    ]
    nodes = [
        helper.make_node("Concat", features, ["x"], axis=1),
        helper.make_node("IsNaN", ["x"], ["missing"]),
        helper.make_node("Where", ["missing", "mean", "x"], ["filled"]),
        helper.make_node("Sub", ["filled", "mean"], ["centred"]),
        helper.make_node("Div", ["centred", "sd"], ["z"]),
        helper.make_node("MatMul", ["z", "w"], ["eta0"]),
        helper.make_node("Add", ["eta0", "b"], ["eta"]),
        helper.make_node("Sigmoid", ["eta"], ["probability"]),
    ]
    graph = helper.make_graph(nodes, name + "_logistic", inputs, [output], init)
    onnx_model = helper.make_model(graph, producer_name="twinbench-sample-data",
                                   opset_imports=[helper.make_opsetid("", 13)])
    onnx_model.ir_version = 8
    onnx.checker.check_model(onnx_model)
    onnx.save(onnx_model, f"sample-data/{name}-logistic.onnx")

    with open(f"sample-data/{name}-logistic.onnx.json", "w", encoding="utf-8") as f:
        json.dump({"format": "twinbench.onnx-mapping", "version": 1, "target": spec["target"],
                   "positive_label": "yes", "output": "probability", "note": spec["note"]}, f, indent=2)
        f.write("\n")

    probabilities = model.predict_proba(standardise(x[:FIXTURE_ROWS]))[:, 1]
    with open(f"src/test/resources/onnx/{name}-logistic-predictions.csv", "w", encoding="utf-8") as f:
        f.write(f"{spec['id']},probability\n")
        for i, p in zip(ids[:FIXTURE_ROWS], probabilities):
            f.write(f"{i},{p:.17g}\n")


def main():
    names = sys.argv[1:] or list(MODELS)
    for name in names:
        if name not in MODELS:
            sys.exit(f"unknown model '{name}'; choose from {', '.join(MODELS)}")
        make(name, MODELS[name])


if __name__ == "__main__":
    main()
