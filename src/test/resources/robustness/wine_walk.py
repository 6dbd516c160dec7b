"""The exact crossing walk of a multiclass robustness profile on scikit-learn's wine data, independently of
TwinBench. Run with /usr/bin/python3 (numpy, onnx 1.12) from this folder; writes wine-walk.json.

The model is ../tasks/engine/wine-logistic.twinmodel as `twinbench export-model` writes it to ONNX
(wine-logistic.onnx here, in doubles): its mean, weights and intercepts are read with the onnx package, and a row's
class is the argmax of intercept + (x − mean) · W. The profiled rows are those a run replays after the reference:
../tasks/engine/wine-replay.csv rows 89 to 177 (one step of 89). Shifting feature j by s sd (the rows' sample sd)
adds W[j] · sd_j · s to every row's class scores, scaling it by 1 + s adds W[j] · x_ij · s: each score is linear in
s, so a row is predicted right on one interval of s (where its class's score beats every other). The accuracy is
then a step function of s, and the smallest s in (0, 5] where it falls below the limit (accuracy − 0.05) is the
first interval end at which it does.
"""
import json

import numpy as np
import onnx
import pandas as pd
from onnx import numpy_helper

DROP = 0.05
MAX = 5.0

graph = onnx.load("wine-logistic.onnx").graph
init = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
mean, weights, intercept = init["tb_mean"], init["tb_weights"], init["tb_intercept"]
mapping = json.load(open("wine-logistic.onnx.json"))
features, classes = mapping["inputs"]["double_input"], mapping["classes"]

replay = pd.read_csv("../tasks/engine/wine-replay.csv")
rows = replay[(replay["row"] >= 89) & (replay["row"] <= 177)].reset_index(drop=True)
x = rows[features].to_numpy(float)
y = np.array([classes.index(c) for c in rows["cultivar"]])
eta = intercept + (x - mean) @ weights
accuracy = float((eta.argmax(axis=1) == y).mean())
limit = accuracy - DROP


def intervals(slopes):
    """Per row, the open interval of s on which its own class scores highest (slopes: rows x classes)."""
    lo = np.full(len(y), -np.inf)
    hi = np.full(len(y), np.inf)
    for i in range(len(y)):
        for k in range(len(classes)):
            if k == y[i]:
                continue
            a = eta[i, y[i]] - eta[i, k]
            d = slopes[i, y[i]] - slopes[i, k]
            if d > 0:
                lo[i] = max(lo[i], -a / d)
            elif d < 0:
                hi[i] = min(hi[i], a / -d)
            elif a <= 0:
                lo[i], hi[i] = np.inf, -np.inf
    return lo, hi


def crossing(slopes):
    lo, hi = intervals(slopes)
    ends = np.concatenate([lo, hi])
    ends = np.unique(ends[np.isfinite(ends) & (ends >= 0) & (ends < MAX)])
    for k, b in enumerate(ends):
        after = (b + (ends[k + 1] if k + 1 < len(ends) else MAX)) / 2
        if ((lo < after) & (after < hi)).mean() < limit:
            return float(b)
    return None


out = {"rows": len(y), "accuracy": accuracy, "limit": limit, "features": {}}
for j, name in enumerate(features):
    sd = x[:, j].std(ddof=1)
    shift = np.tile(weights[j] * sd, (len(y), 1))
    scale = np.outer(x[:, j], weights[j])
    up, down, grow = crossing(shift), crossing(-shift), crossing(scale)
    out["features"][name] = {"shift_up_sd": up, "shift_down_sd": down, "scale": None if grow is None else 1 + grow}
with open("wine-walk.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
weakest = min(out["features"].items(), key=lambda kv: min(v for v in [kv[1]["shift_up_sd"], kv[1]["shift_down_sd"],
                                                                        np.inf] if v is not None))
print(out["rows"], out["accuracy"], weakest)
