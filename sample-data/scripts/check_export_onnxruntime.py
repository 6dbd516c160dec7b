#!/usr/bin/env python3
"""Checks a model exported by `twinbench export-model` against Python's ONNX Runtime.

Scores DATA with MODEL.onnx in onnxruntime (inputs filled as the sidecar MODEL.onnx.json maps them: one
tensor per input, its columns in order, text as strings, missing numbers as NaN) and compares with what
`twinbench score` wrote for the same rows: the probability of each class (p_<class> columns) and the
predicted class (prediction) for a multiclass classifier, the positive class's probability (score) for a
binary one, the amount (prediction) for a regression. The tolerance is absolute for probabilities and
relative to the largest amount for a regression: logistic exports compute in doubles (1e-12 holds),
tree ensembles and linear regressions in ONNX's 32-bit floats (use 1e-6).

    python3 check_export_onnxruntime.py MODEL.onnx DATA.csv SCORED.csv [--tolerance 1e-12]

Prints the largest difference per output and how many labels agree; exits 1 when a difference passes the
tolerance or a label disagrees. Needs numpy, pandas and onnxruntime (the local package index has it:
python3 -m venv v && v/bin/pip install onnxruntime pandas).

Example (wine, a 3-class multinomial logistic regression):
    twinbench train --data sample-data/public/wine.csv --target cultivar --algorithm logistic --out wine.twinmodel
    twinbench export-model --model wine.twinmodel --out wine.onnx
    twinbench score --model wine.twinmodel --data sample-data/public/wine.csv --out wine-scored.csv
    python3 check_export_onnxruntime.py wine.onnx sample-data/public/wine.csv wine-scored.csv
"""
import argparse
import json
import sys

import numpy as np
import onnxruntime
import pandas as pd


def feeds(session, sidecar, data):
    """One array per model input, as TwinBench fills it."""
    out = {}
    mapping = sidecar.get("inputs", {})
    for spec in session.get_inputs():
        columns = mapping.get(spec.name, [spec.name])
        if spec.type == "tensor(string)":
            values = data[columns].astype(object).where(data[columns].notna(), "").astype(str).to_numpy()
        else:
            dtype = {"tensor(float)": np.float32, "tensor(double)": np.float64,
                     "tensor(int64)": np.int64, "tensor(int32)": np.int32}[spec.type]
            values = data[columns].apply(pd.to_numeric, errors="coerce").to_numpy().astype(dtype)
        out[spec.name] = values.reshape(-1) if len(spec.shape) == 1 else values
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("data")
    parser.add_argument("scored")
    parser.add_argument("--tolerance", type=float, default=1e-12)
    args = parser.parse_args()
    with open(args.model + ".json") as f:
        sidecar = json.load(f)
    data = pd.read_csv(args.data)
    scored = pd.read_csv(args.scored)
    session = onnxruntime.InferenceSession(args.model, providers=["CPUExecutionProvider"])
    outputs = dict(zip([o.name for o in session.get_outputs()], session.run(None, feeds(session, sidecar, data))))
    failed = False
    chosen = np.asarray(outputs[sidecar["output"]]) if sidecar.get("output") in outputs else None
    probability_columns = [c for c in scored.columns if c.startswith("p_")] or [c for c in ["score"] if c in scored]
    if not probability_columns:
        amounts = np.asarray(chosen if chosen is not None else next(iter(outputs.values()))).reshape(-1)
        largest = float(np.max(np.abs(amounts - scored["prediction"].to_numpy())))
        print(f"prediction: largest difference {largest:.3g} of amounts up to {np.max(np.abs(amounts)):.4g}, "
              f"over {len(amounts)} rows")
        failed = largest > args.tolerance * max(1.0, float(np.max(np.abs(amounts))))
    else:
        probabilities = chosen if chosen is not None and chosen.ndim == 2 else next(
            np.asarray(v) for v in outputs.values() if np.asarray(v).dtype.kind == "f" and np.asarray(v).ndim == 2)
        # score writes one p_<class> column per class in the model's order; a binary file one score, the
        # positive (second) class's probability.
        columns = probability_columns if len(probability_columns) > 1 else [None, probability_columns[0]]
        for c, column in enumerate(columns):
            if column is None:
                continue
            largest = float(np.max(np.abs(probabilities[:, c] - scored[column].to_numpy())))
            print(f"{column}: largest difference {largest:.3g}")
            failed |= largest > args.tolerance
        classes = [c[2:] for c in probability_columns] if len(probability_columns) > 1 else None
        if classes is not None:
            labels = np.array([classes[i] for i in np.argmax(probabilities, axis=1)])
            agree = int(np.sum(labels == scored["prediction"].astype(str).to_numpy()))
            print(f"labels (the most probable class) agree on {agree} of {len(labels)} rows")
            failed |= agree != len(labels)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
