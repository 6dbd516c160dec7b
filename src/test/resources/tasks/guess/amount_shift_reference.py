#!/usr/bin/python3
"""Known answers for sim.AmountShiftRealDataTest: the regression prior shift (`perturbation.prior-shift` with
`amount_shift`) of diabetes-amount-shift.twin.json, recomputed with numpy, scipy and scikit-learn from the rule
docs/scenarios.md states, not from TwinBench's code.

The replay: diabetes-guess-log.csv (make_guess_logs.py) in `row` order, the first 221 rows the reference, then 20
steps of 11 rows. At step s the shift's intensity a is the incremental schedule's (0 before step 5, (s-4)/10 from
step 5, 1 from step 14). Each step's 11 amounts y are standardised (z = (y - mean) / sd, sd with ddof 1) and drawn
again, 11 times with replacement, with weights exp(lambda z), lambda solved (scipy brentq) so that the weighted mean
of y is mean(y) + a * 1.0 * sd_ref, sd_ref the reference amounts' standard deviation (ddof 1). The uniform draws are
the step's own generator's, SplittableRandom seeded as TwinBench seeds a node at a step (SplitMix64 of the scenario
seed 1, the node id "shift", replicate 0 and the step: Steele, Lea and Flood 2014; Java's SplittableRandom.nextDouble
is (nextLong >>> 11) * 2^-53): draw j takes the first row whose running weight exceeds u_j times the total.

Writes amount-shift-expected.json: per step the rows drawn, the model's (`good`) MAE and RMSE on them (scikit-learn),
the naive guess's (DummyRegressor(strategy="mean") fitted on the reference rows), and the tilted mean the rule asks.
Run here:  /usr/bin/python3 amount_shift_reference.py
"""
import json

import numpy as np
import pandas as pd
from scipy.optimize import brentq
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error

MASK = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


class SplitMix64:
    """Java's SplittableRandom(seed): seed += gamma; nextLong = mix64(seed)."""

    def __init__(self, seed):
        self.seed = seed & MASK

    def next_double(self):
        self.seed = (self.seed + GOLDEN_GAMMA) & MASK
        return (mix64(self.seed) >> 11) * 2.0 ** -53


def node_random(seed, node, replicate, step):
    h = mix64(seed & MASK)
    for b in node.encode("utf-8"):
        h = mix64(h ^ b)
    h = mix64(h ^ (replicate & MASK))
    return SplitMix64(mix64(h ^ (step & MASK)))


def intensity(step, start=5, end=14):
    if step < start:
        return 0.0
    if step >= end:
        return 1.0
    return (step - start + 1) / (end - start + 1)


frame = pd.read_csv("diabetes-guess-log.csv").sort_values("row")
cut = int(round(len(frame) * 0.5))
reference, production = frame.iloc[:cut], frame.iloc[cut:cut + 20 * 11]
sd_ref = reference["target"].std(ddof=1)
guess = DummyRegressor(strategy="mean").fit(reference[["row"]], reference["target"])
steps = []
for s in range(20):
    batch = production.iloc[s * 11:(s + 1) * 11]
    a = intensity(s)
    rows = batch
    wanted = None
    if a > 0:
        y = batch["target"].to_numpy()
        z = (y - y.mean()) / y.std(ddof=1)
        wanted = y.mean() + a * 1.0 * sd_ref

        def tilted(lam):
            w = np.exp(lam * z - (lam * z).max())
            return (w * y).sum() / w.sum() - wanted

        lam = brentq(tilted, -30, 30, xtol=1e-15, rtol=1e-15)
        cumulative = np.cumsum(np.exp(lam * z - (lam * z).max()))
        random = node_random(1, "shift", 0, s)
        picks = [min(len(y) - 1, int(np.searchsorted(cumulative, random.next_double() * cumulative[-1], side="right")))
                 for _ in range(len(y))]
        rows = batch.iloc[picks]
    naive = guess.predict(rows[["row"]])
    steps.append({"intensity": a, "rows": [int(r) for r in rows["row"]], "tilted_mean": wanted,
                  "target_mean": float(rows["target"].mean()),
                  "mae": mean_absolute_error(rows["target"], rows["good"]),
                  "rmse": mean_squared_error(rows["target"], rows["good"]) ** 0.5,
                  "baseline_mae": mean_absolute_error(rows["target"], naive),
                  "baseline_rmse": mean_squared_error(rows["target"], naive) ** 0.5})
with open("amount-shift-expected.json", "w") as out:
    json.dump({"reference_sd": float(sd_ref), "steps": steps}, out, indent=1, allow_nan=False)
    out.write("\n")
for s, step in enumerate(steps):
    print(s, step["intensity"], round(step["target_mean"], 2), step["tilted_mean"] and round(step["tilted_mean"], 2), round(step["mae"], 3))
