"""Measures the reconstruction error's false alarms on exchangeable data with scikit-learn's data and numpy,
independently of TwinBench, for the band of docs/cli.md#multivariate-drift for a batch of m rows (m at most half the
reference's n rows): 199 draws, each m reference rows picked at random with replacement, the standardisation and a
PCA with the reference's component count refitted on the reference rows not picked, the draw the picked rows' mean
error, each row's error capped at the 0.99 quantile of the reference rows' own errors (numpy's linear); the band is
the smallest to the largest draw. Run with /usr/bin/python3 (scikit-learn 1.2.1).

Per halving of a real table (the first half the reference, the second half's rows new) or per generated reference
(1,000 rows of x1, x2 with correlation 0.6 and two independent columns; 5,000 new rows), 400 random batches of the new
rows (distinct within a batch) are judged with the halving's band: that halving's false-alarm rate. Printed: the mean
rate over halvings and its standard error. Measured (seed 1, the default arguments):

    generated m=100, 100 references: 1.05% (se 0.10%)     wine m=30, 150 halvings: 1.38% (0.36%)
    breast cancer m=50, 150: 0.87% (0.19%)                 diabetes m=50, 150: 1.08% (0.18%)
    digits m=100, 60: 0.90% (0.15%); uncapped (NannyML's plain mean, `digits:100:60:uncapped`): 4.17% (1.12%) — a
    few halvings whose new rows light a pixel the reference almost never lit (lit once at 1: sd 0.03) alarm in every
    batch holding such a row (one halving: 13%, its largest row error 170 against a band of 3.8 to 5.3).

`NAME:whole:HALVINGS` judges each halving's whole new half at once with the band of a batch larger than half the
reference (whole_band, the half splits) and prints the share of halvings that alarm. Measured (seed 1): generated
(1,000 new rows) 3 of 400, wine 2 of 400, breast cancer 0 of 200, diabetes 1 of 200 (`gen:whole:400 wine:whole:400
bc:whole:200 diabetes:whole:200`).
"""
import sys

import numpy as np
from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits, load_wine


def fit(ref, k=None):
    mu, sd = ref.mean(0), ref.std(0)
    sd[sd == 0] = 1
    z = (ref - mu) / sd
    w, v = np.linalg.eigh(np.cov(z, rowvar=False))
    order = np.argsort(w)[::-1]
    w, v = np.maximum(w[order], 0), v[:, order]
    if k is None:
        k = min(len(w), int(np.searchsorted(np.cumsum(w) / w.sum(), 0.65, side="right")) + 1)
    return mu, sd, v[:, :k], k


def errors(model, rows):
    mu, sd, basis, _ = model
    z = (rows - mu) / sd
    return np.linalg.norm(z - (z @ basis) @ basis.T, axis=1)


def draws(ref, m, rng, k, cap, resamples=199):
    n = len(ref)
    out = np.empty(resamples)
    for b in range(resamples):
        held = rng.integers(n, size=m)
        keep = np.ones(n, bool)
        keep[held] = False
        out[b] = np.minimum(errors(fit(ref[keep], k), ref[held]), cap).mean()
    return out


def generated(n, rng):
    a, b = rng.standard_normal(n), rng.standard_normal(n)
    return np.column_stack([a, 0.6 * a + 0.8 * b, rng.standard_normal(n), rng.standard_normal(n)])


def halves(name, rng, generated_new):
    """A reference and a new table: for "gen", 1,000 generated rows and generated_new more; else the data set's rows
    dealt at random into two halves."""
    if name == "gen":
        return generated(1000, rng), generated(generated_new, rng)
    x = {"bc": load_breast_cancer, "wine": load_wine, "digits": load_digits,
         "diabetes": load_diabetes}[name]().data
    order = rng.permutation(len(x))
    return x[order[:len(x) // 2]], x[order[len(x) // 2:]]


def measure(name, m, halvings, seed, capped=True):
    rng = np.random.default_rng(seed)
    rates = []
    for _ in range(halvings):
        ref, new = halves(name, rng, 5000)
        full = fit(ref)
        cap = np.quantile(errors(full, ref), 0.99) if capped else np.inf
        d = draws(ref, m, rng, full[3], cap)
        e = np.minimum(errors(full, new), cap)
        batches = np.array([e[rng.choice(len(new), m, replace=False)].mean() for _ in range(400)])
        rates.append(np.mean((batches < d.min()) | (batches > d.max())))
    print(f"{name} m={m}, {halvings} halvings{'' if capped else ', uncapped'}: {100 * np.mean(rates):.2f}% "
          f"(se {100 * np.std(rates) / np.sqrt(halvings):.2f}%)", flush=True)


def whole_band(ref, k, cap, m, rng, resamples=199):
    """The band of a batch larger than half the reference (a whole table): 199 splits into a fitted half (f rows) and
    a held-out half; draw = the first h held-out rows' mean capped error - the fitted half's own; band = c + (f/n)
    mean(draw) + s (min/max draw - mean(draw)), c the reference's own mean capped error, s = sqrt((1/m + 1/n) /
    (1/h + 1/f))."""
    n = len(ref)
    c = np.minimum(errors(fit(ref, k), ref), cap).mean()
    f = n // 2
    h = min(m, n - f)
    t = np.empty(resamples)
    for b in range(resamples):
        order = rng.permutation(n)
        half = fit(ref[order[:f]], k)
        t[b] = (np.minimum(errors(half, ref[order[f:f + h]]), cap).mean()
                - np.minimum(errors(half, ref[order[:f]]), cap).mean())
    s = np.sqrt((1 / m + 1 / n) / (1 / h + 1 / f))
    middle = c + t.mean() * f / n
    return max(0.0, middle + s * (t.min() - t.mean())), middle + s * (t.max() - t.mean())


def measure_whole(name, halvings, seed):
    """Per halving (or generated reference of 1,000 rows and new table of 1,000), the whole new half judged at once
    with whole_band: the share of halvings that alarm."""
    rng = np.random.default_rng(seed)
    alarms = 0
    for _ in range(halvings):
        ref, new = halves(name, rng, 1000)
        full = fit(ref)
        cap = np.quantile(errors(full, ref), 0.99)
        low, high = whole_band(ref, full[3], cap, len(new), rng)
        value = np.minimum(errors(full, new), cap).mean()
        alarms += value < low or value > high
    print(f"{name} whole halves: {alarms} of {halvings} alarm ({100 * alarms / halvings:.2f}%)", flush=True)


for spec in sys.argv[1:] or ["gen:100:100", "wine:30:150", "bc:50:150", "diabetes:50:150", "digits:100:60",
                             "digits:100:60:uncapped"]:
    name, m, halvings, *how = spec.split(":")
    if m == "whole":
        measure_whole(name, int(halvings), 1)
    else:
        measure(name, int(m), int(halvings), 1, how != ["uncapped"])
