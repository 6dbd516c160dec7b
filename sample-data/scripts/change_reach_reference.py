#!/usr/bin/python3
"""How little of each change hurts a model of kinds and a model of amounts, computed independently of TwinBench, for
sim/whatif/ChangeReachTasksTest (the guided check's ranking of changes, sim.whatif.ChangeReach).

Models and rows (the check replays a file's rows after its first half, rows 89-177 of wine, 221-441 of diabetes):
  - wine: src/test/resources/tasks/engine/wine-logistic.twinmodel, exported by TwinBench to ONNX in doubles
    (src/test/resources/robustness/wine-logistic.onnx): a row's kind is the argmax of intercept + (x - mean) . W;
  - diabetes: src/test/resources/tasks/engine/diabetes-linear.twinmodel, its ONNX export
    (src/test/resources/robustness/diabetes-linear.onnx; float32 attributes applied in doubles, so predictions agree
    to about 1e-5).
The column each change moves: the numeric feature with the largest |Pearson r| with the outcome over the whole file
(for kinds, the largest of its correlations with each kind against the rest); gaming moves it by -sign(r).
Its standard deviation: the replayed labelled rows' (ddof=1). Moves at strength s: prices and season x(1 + s) (up
to 1.5), entry mistakes x +- s.sd (hurting only when both directions do), gaming x - sign(r) s.sd (both up to 3).
Hurts (the ranking's rule):
  - kinds: accuracy falls by more than 0.05 or sklearn's macro F1 does, and right answers fell beyond chance on the
    same rows: statsmodels mcnemar(exact=True) p < 0.05 and the upper end of Newcombe's paired interval (method 10,
    on statsmodels' Wilson intervals) below 0;
  - amounts: MAE or RMSE rises by more than 15%, and scipy's ttest_rel p < 0.05 with the t interval of the mean
    change of the absolute errors above 0, and wilcoxon(method="approx") p < 0.05 (changes equal but for rounding,
    within 1e-9 of their size, made equal first: ties, as TwinBench ranks them).
The smallest strength: the first of 40 grid steps up to the maximum that hurts, then 30 bisections of that step (as
stats.RobustnessSearch); figures at that strength (for mistakes, the direction that hurts less).

Run from the repository root: /usr/bin/python3 sample-data/scripts/change_reach_reference.py
Writes src/test/resources/whatif/reach/expected.json.
"""
import json
import math

import numpy as np
import onnx
import pandas as pd
from onnx import helper, numpy_helper
from scipy import stats
from sklearn.metrics import f1_score
from statsmodels.stats.contingency_tables import mcnemar
from newcombe import newcombe10

GRID, ITERATIONS = 40, 30
RED_DROP, RED_RISE = 0.05, 0.15


def tied(d):
    """d with magnitudes equal but for rounding (within 1e-9 of their size) made equal, for scipy's ranks: a linear
    model's predictions all shifted by a change every row's absolute error by that same amount."""
    order = np.argsort(np.abs(d), kind="stable")
    out = d.copy()
    start = None
    for i in order:
        if start is None or abs(d[i]) - abs(d[start]) > 1e-9 * abs(d[start]):
            start = i
        out[i] = math.copysign(abs(d[start]), d[i])
    return out


def paired(amounts, before, after):
    if amounts:
        d = after - before
        low, high = stats.t.interval(0.95, len(d) - 1, loc=d.mean(), scale=stats.sem(d))
        return {"before": float(before.mean()), "after": float(after.mean()), "low": float(low), "high": float(high),
                "ttest_p": float(stats.ttest_rel(after, before).pvalue),
                "wilcoxon_p": float(stats.wilcoxon(tied(d), method="approx").pvalue)}
    a = int(((before == 1) & (after == 1)).sum())
    b = int(((before == 1) & (after == 0)).sum())
    c = int(((before == 0) & (after == 1)).sum())
    d = int(((before == 0) & (after == 0)).sum())
    low, high = newcombe10(a, b, c, d)
    return {"before": float(before.mean()), "after": float(after.mean()), "fell": b, "rose": c, "low": low,
            "high": high, "mcnemar_p": float(mcnemar([[a, b], [c, d]], exact=True).pvalue)}


def worse(amounts, fall):
    if amounts:
        return fall["low"] > 0 and fall["ttest_p"] < 0.05 and fall["wilcoxon_p"] < 0.05
    return fall["high"] < 0 and fall["mcnemar_p"] < 0.05


class Rows:
    def __init__(self, amounts, predict, frame, truth):
        self.amounts, self.predict, self.frame, self.truth = amounts, predict, frame, truth

    def score(self, frame):
        p = self.predict(frame)
        if self.amounts:
            e = np.abs(p - self.truth)
            return e, float(np.sqrt((e ** 2).mean()))
        return (p == self.truth).astype(float), float(f1_score(self.truth, p, average="macro"))

    def hurts(self, base, after):
        (b, b2), (a, a2) = base, after
        if self.amounts:
            far = a.mean() > b.mean() * (1 + RED_RISE) or a2 > b2 * (1 + RED_RISE)
        else:
            far = a.mean() < b.mean() - RED_DROP or a2 < b2 - RED_DROP
        return far and worse(self.amounts, paired(self.amounts, b, a))


def smallest(hurting, maximum):
    previous = 0.0
    for g in range(1, GRID + 1):
        s = maximum * g / GRID
        if hurting(s):
            low, high = previous, s
            for _ in range(ITERATIONS):
                mid = (low + high) / 2
                if hurting(mid):
                    high = mid
                else:
                    low = mid
            return high
        previous = s
    return None


def reach(rows, correlation, features):
    numeric = [f for f in features if f in correlation]
    best = max(numeric, key=lambda f: (abs(correlation[f]), -numeric.index(f)))
    base = rows.score(rows.frame)
    sd = rows.frame[best].std(ddof=1)
    direction = -np.sign(correlation[best])

    def moved(f):
        def at(s):
            out = rows.frame.copy()
            out[best] = f(rows.frame[best].to_numpy(float), s)
            return out
        return at

    scale = moved(lambda x, s: x * (1 + s))
    moves = {"PRICES_SHIFT": ([scale], 1.5, 0.5), "SEASON": ([scale], 1.5, 0.5),
             "ENTRY_MISTAKES": ([moved(lambda x, s: x + s * sd), moved(lambda x, s: x - s * sd)], 3.0, 1.0),
             "GAMING": ([moved(lambda x, s: x + direction * s * sd)], 3.0, 1.0)}
    out = {"column": best, "sd": float(sd), "before_first": float(base[0].mean()), "before_second": base[1],
           "changes": {}}
    for kind, (fs, maximum, full) in moves.items():
        s = smallest(lambda v: all(rows.hurts(base, rows.score(f(v))) for f in fs), maximum)
        entry = {"strength": s, "share": None if s is None else s / full}
        if s is not None:
            scores = [rows.score(f(s)) for f in fs]
            at = max(scores, key=lambda sc: -sc[0].mean() if rows.amounts else sc[0].mean())
            entry["fall"] = paired(rows.amounts, base[0], at[0])
            entry["after_second"] = at[1]
        out["changes"][kind] = entry
    return out


def wine():
    graph = onnx.load("src/test/resources/robustness/wine-logistic.onnx").graph
    init = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    mapping = json.load(open("src/test/resources/robustness/wine-logistic.onnx.json"))
    features, classes = mapping["inputs"]["double_input"], mapping["classes"]
    data = pd.read_csv("src/test/resources/tasks/engine/wine-replay.csv")
    later = data.iloc[round(len(data) * 0.5):].reset_index(drop=True)
    truth = np.array([classes.index(c) for c in later["cultivar"]])

    def predict(frame):
        x = frame[features].to_numpy(float)
        return (init["tb_intercept"] + (x - init["tb_mean"]) @ init["tb_weights"]).argmax(axis=1)

    correlation = {}
    for f in features:
        rs = [np.corrcoef(data[f], (data["cultivar"] == k).astype(float))[0, 1] for k in sorted(set(data["cultivar"]))]
        correlation[f] = max(rs, key=lambda r: (abs(r), -rs.index(r)))
    return reach(Rows(False, predict, later, truth), correlation, features) | {"rows": len(later)}


def diabetes():
    graph = onnx.load("src/test/resources/robustness/diabetes-linear.onnx").graph
    attrs = {n.op_type: {a.name: helper.get_attribute_value(a) for a in n.attribute} for n in graph.node}
    numeric = ["age", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
    offset = np.array(attrs["Scaler"]["offset"], float)
    scale = np.array(attrs["Scaler"]["scale"], float)
    weights = np.array(attrs["LinearRegressor"]["coefficients"], float)
    intercept = attrs["LinearRegressor"]["intercepts"][0]
    levels = [c.decode() for c in attrs["OneHotEncoder"]["cats_strings"]]
    data = pd.read_csv("src/test/resources/tasks/engine/diabetes-replay.csv")
    later = data.iloc[round(len(data) * 0.5):].reset_index(drop=True)

    def predict(frame):
        z = (frame[numeric].to_numpy(float) - offset) * scale
        onehot = np.column_stack([(frame["sex"] == level).to_numpy(float) for level in levels])
        return np.hstack([z, onehot]) @ weights + intercept

    correlation = {f: np.corrcoef(data[f], data["target"])[0, 1] for f in numeric}
    features = ["age", "sex"] + numeric[1:]
    return reach(Rows(True, predict, later, later["target"].to_numpy(float)), correlation, features) | {
        "rows": len(later)}


expected = {"wine": wine(), "diabetes": diabetes()}
with open("src/test/resources/whatif/reach/expected.json", "w") as out:
    json.dump(expected, out, indent=2)
    out.write("\n")
for name, e in expected.items():
    print(name, e["column"], e["before_first"], {k: v["strength"] for k, v in e["changes"].items()})
