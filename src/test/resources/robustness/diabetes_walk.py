"""The exact crossing walk of a regression's robustness profile on scikit-learn's diabetes data, independently of
TwinBench. Run with /usr/bin/python3 (scikit-learn 1.2.1) from this folder; writes diabetes-walk.json.

The model is ../tasks/engine/diabetes-linear.twinmodel as `twinbench export-model` writes it to ONNX
(diabetes-linear.onnx here): its Imputer, Scaler, OneHotEncoder and LinearRegressor attributes are read with the
onnx package and applied in numpy (float32 attributes, so the walk agrees to about 1e-5 sd). The profiled rows are
those a run replays after the reference: ../tasks/engine/diabetes-replay.csv rows 221 to 420 (four steps of 50).
For a linear model, shifting feature j by s sd moves every prediction by a = coef_j · sd_j · s (sd: the rows' sample
sd), and scaling it by 1 + s moves row i's by coef_j · x_ij · s. The error after the change, mean |a_i s − r_i|
(r the residuals), is convex and piecewise linear in s: the smallest s in (0, 5] where it exceeds the limit
MAE · 1.1 is found exactly between its breakpoints. For RMSE the squared error is a quadratic in s; its smallest
root above the limit's square is taken.
"""
import json

import numpy as np
import pandas as pd
import onnx
from onnx import helper

NUMERIC = ["age", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
RISE = 0.1
MAX = 5.0


graph = onnx.load("diabetes-linear.onnx").graph
attributes = {node.op_type: {a.name: helper.get_attribute_value(a) for a in node.attribute} for node in graph.node}
offset = np.array(attributes["Scaler"]["offset"], dtype=float)
scale = np.array(attributes["Scaler"]["scale"], dtype=float)
weights = np.array(attributes["LinearRegressor"]["coefficients"], dtype=float)
intercept = attributes["LinearRegressor"]["intercepts"][0]
levels = [c.decode() for c in attributes["OneHotEncoder"]["cats_strings"]]


def predict(frame):
    z = (frame[NUMERIC].to_numpy(float) - offset) * scale
    onehot = np.column_stack([(frame["sex"] == level).to_numpy(float) for level in levels])
    return np.hstack([z, onehot]) @ weights + intercept


replay = pd.read_csv("../tasks/engine/diabetes-replay.csv")
rows = replay[(replay["row"] >= 221) & (replay["row"] <= 420)].reset_index(drop=True)
predicted = predict(rows)
residual = rows["target"].to_numpy() - predicted
coef = {name: weights[j] * scale[j] for j, name in enumerate(NUMERIC)}


def mae_crossing(a, limit):
    """Smallest s in (0, MAX] with mean |a_i s - r_i| > limit, or None."""
    f = lambda s: np.abs(a * s - residual).mean()
    with np.errstate(divide="ignore", invalid="ignore"):
        breaks = residual / a
    points = np.sort(np.unique(np.concatenate([breaks[np.isfinite(breaks) & (breaks > 0) & (breaks < MAX)], [MAX]])))
    previous = 0.0
    for p in points:
        if f(p) > limit:
            # f is linear on [previous, p]
            f0, f1 = f(previous), f(p)
            return previous + (limit - f0) * (p - previous) / (f1 - f0)
        previous = p
    return None


def rmse_crossing(a, limit):
    qa, qb, qc = (a * a).mean(), -2 * (a * residual).mean(), (residual ** 2).mean() - limit ** 2
    disc = qb * qb - 4 * qa * qc
    if qa == 0 or disc < 0:
        return None
    roots = sorted([(-qb - np.sqrt(disc)) / (2 * qa), (-qb + np.sqrt(disc)) / (2 * qa)])
    good = [r for r in roots if 0 < r <= MAX]
    return good[0] if good else None


out = {"rows": len(rows), "mae": float(np.abs(residual).mean()), "rmse": float(np.sqrt((residual ** 2).mean())),
       "features": {}}
for name in NUMERIC:
    x = rows[name].to_numpy(float)
    shift = coef[name] * x.std(ddof=1) * np.ones(len(x))
    scale = coef[name] * x
    entry = {}
    for metric, crossing in [("mae", mae_crossing), ("rmse", rmse_crossing)]:
        limit = out[metric] * (1 + RISE)
        entry[metric] = {"shift_up_sd": crossing(shift, limit), "shift_down_sd": crossing(-shift, limit),
                         "scale": None if crossing(scale, limit) is None else 1 + crossing(scale, limit)}
    out["features"][name] = entry
with open("diabetes-walk.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(json.dumps({k: out[k] for k in ["rows", "mae", "rmse"]}), json.dumps(out["features"]["bmi"]))
