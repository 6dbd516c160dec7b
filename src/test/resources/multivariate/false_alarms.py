"""Counts the reconstruction error's false alarms on exchangeable halves of real tables, with scikit-learn's data
and numpy, independently of TwinBench: the band of docs/cli.md#multivariate-drift (199 random splits of the
reference into a fitted and a held-out half, the whole pipeline refitted on each; draw = held-out batch error minus
the fitted half's own error; band = reference error + (f/n)·mean(draw) + s·(min/max draw − mean(draw)),
s = sqrt((1/m + 1/n)/(1/h + 1/f))). Run with /usr/bin/python3 (scikit-learn 1.2.1). Measured (these seeds):

    wine m=30: 1 of 200 batches, 2 of 100 whole halves; diabetes m=50: 0 of 240, 1 of 60;
    breast cancer m=50: 2 of 200, 0 of 40; digits m=100: 1 of 120, 0 of 15
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


def band(ref, m, rng, resamples=199):
    n = len(ref)
    full = fit(ref)
    f = n // 2
    h = min(m, n - f)
    draws = np.empty(resamples)
    for b in range(resamples):
        order = rng.permutation(n)
        half = fit(ref[order[:f]], full[3])
        draws[b] = errors(half, ref[order[f:f + h]]).mean() - errors(half, ref[order[:f]]).mean()
    s = np.sqrt((1 / m + 1 / n) / (1 / h + 1 / f))
    middle = errors(full, ref).mean() + draws.mean() * f / n
    return full, max(0.0, middle + s * (draws.min() - draws.mean())), middle + s * (draws.max() - draws.mean())


def count(name, m, shuffles, seed):
    x = {"bc": load_breast_cancer, "wine": load_wine, "digits": load_digits, "diabetes": load_diabetes}[name]().data
    rng = np.random.default_rng(seed)
    batches = whole = total = 0
    for _ in range(shuffles):
        order = rng.permutation(len(x))
        ref, cur = x[order[:len(x) // 2]], x[order[len(x) // 2:]]
        full, lo, hi = band(ref, m, rng)
        for b in range(len(cur) // m):
            e = errors(full, cur[b * m:(b + 1) * m]).mean()
            total += 1
            batches += e < lo or e > hi
        full, lo, hi = band(ref, len(cur), rng)
        e = errors(full, cur).mean()
        whole += e < lo or e > hi
    print(f"{name} m={m}: {batches} of {total} batches, {whole} of {shuffles} whole halves", flush=True)


for spec in sys.argv[1:] or ["wine:30:100", "diabetes:50:60", "bc:50:40", "digits:100:15"]:
    name, m, shuffles = spec.split(":")
    count(name, int(m), int(shuffles), 1)
