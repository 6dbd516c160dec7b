"""The exact crossing walk of a regression's robustness profile on scikit-learn's diabetes data, independently of
TwinBench. Run with /usr/bin/python3 (scikit-learn 1.2.1) from this folder; writes diabetes-walk.json.

The model is ../tasks/engine/diabetes-linear.twinmodel, a ridge regression (λ = 1) TwinBench trained on all 221 rows
of ../tasks/engine/diabetes-train.csv. It is refitted here in doubles with scikit-learn: Ridge(alpha=1) on the nine
numeric columns and the one-hot sex levels, each standardised by its mean and population sd (as Smile's
RidgeRegression standardises); its predictions equal `twinbench score`'s to about 1e-12, and its ONNX export
(diabetes-linear.onnx here, float32 attributes) to about 1e-4, which the script checks. The profiled rows are those a
run replays after the reference: ../tasks/engine/diabetes-replay.csv rows 221 to 420 (four steps of 50).
For a linear model, shifting feature j by s sd moves every prediction by a = coef_j · sd_j · s (sd: the rows' sample
sd), and scaling it by 1 + s moves row i's by coef_j · x_ij · s. The error after the change, mean |a_i s − r_i|
(r the residuals), is convex and piecewise linear in s: the smallest s in (0, 5] where it exceeds the limit
MAE · 1.1 is found exactly between its breakpoints. For RMSE the squared error is a quadratic in s; its smallest
root above the limit's square is taken. The same walk on each sex's rows alone gives the profiles of `--slice sex`
("slices").
"""
import json

import numpy as np
import pandas as pd
import onnx
from onnx import helper
from sklearn.linear_model import Ridge

NUMERIC = ["age", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
LEVELS = ["one", "two"]
RISE = 0.1
MAX = 5.0


def encode(frame):
    return np.column_stack([frame[NUMERIC].to_numpy(float)] + [(frame["sex"] == level).to_numpy(float)
                                                              for level in LEVELS])


train = pd.read_csv("../tasks/engine/diabetes-train.csv")
centre = encode(train).mean(0)
spread = encode(train).std(0)
ridge = Ridge(alpha=1.0).fit((encode(train) - centre) / spread, train["target"].to_numpy(float))


def predict(frame):
    return ridge.predict((encode(frame) - centre) / spread)


graph = onnx.load("diabetes-linear.onnx").graph
attributes = {node.op_type: {a.name: helper.get_attribute_value(a) for a in node.attribute} for node in graph.node}
offset = np.array(attributes["Scaler"]["offset"], dtype=float)
scale = np.array(attributes["Scaler"]["scale"], dtype=float)
weights = np.array(attributes["LinearRegressor"]["coefficients"], dtype=float)
levels = [c.decode() for c in attributes["OneHotEncoder"]["cats_strings"]]


def predict_onnx(frame):
    z = (frame[NUMERIC].to_numpy(float) - offset) * scale
    onehot = np.column_stack([(frame["sex"] == level).to_numpy(float) for level in levels])
    return np.hstack([z, onehot]) @ weights + attributes["LinearRegressor"]["intercepts"][0]


replay = pd.read_csv("../tasks/engine/diabetes-replay.csv")
rows = replay[(replay["row"] >= 221) & (replay["row"] <= 420)].reset_index(drop=True)
assert np.abs(predict(rows) - predict_onnx(rows)).max() < 1e-3, "the ONNX export disagrees with the refitted ridge"
coef = {name: ridge.coef_[j] / spread[j] for j, name in enumerate(NUMERIC)}


def mae_crossing(a, residual, limit):
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


def rmse_crossing(a, residual, limit):
    qa, qb, qc = (a * a).mean(), -2 * (a * residual).mean(), (residual ** 2).mean() - limit ** 2
    disc = qb * qb - 4 * qa * qc
    if qa == 0 or disc < 0:
        return None
    roots = sorted([(-qb - np.sqrt(disc)) / (2 * qa), (-qb + np.sqrt(disc)) / (2 * qa)])
    good = [r for r in roots if 0 < r <= MAX]
    return good[0] if good else None


def profile(part):
    """The walk on these rows alone: their own MAE, RMSE, limits and sds."""
    residual = part["target"].to_numpy() - predict(part)
    out = {"rows": len(part), "mae": float(np.abs(residual).mean()), "rmse": float(np.sqrt((residual ** 2).mean())),
           "features": {}}
    for name in NUMERIC:
        x = part[name].to_numpy(float)
        shift = coef[name] * x.std(ddof=1) * np.ones(len(x))
        scale = coef[name] * x
        entry = {}
        for metric, crossing in [("mae", mae_crossing), ("rmse", rmse_crossing)]:
            limit = out[metric] * (1 + RISE)
            up, down, by = (crossing(a, residual, limit) for a in (shift, -shift, scale))
            entry[metric] = {"shift_up_sd": up, "shift_down_sd": down, "scale": None if by is None else 1 + by}
        out["features"][name] = entry
    return out


out = profile(rows)
# Per slice of sex (run's --slice sex): the walk on that slice's rows alone.
out["slices"] = {level: profile(rows[rows["sex"] == level].reset_index(drop=True)) for level in LEVELS}
with open("diabetes-walk.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(json.dumps({k: out[k] for k in ["rows", "mae", "rmse"]}), json.dumps(out["features"]["bmi"]),
      json.dumps(out["slices"]["one"]["features"]["bmi"]))
