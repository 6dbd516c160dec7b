"""Measures the reconstruction error's false alarms on exchangeable data with scikit-learn (StandardScaler, PCA),
independently of TwinBench, for the cross-fitted band of docs/cli.md#multivariate-drift. Run with /usr/bin/python3
(scikit-learn 1.2.1, scipy) from anywhere.

The band of a batch of m rows, on a reference of n rows: the reference rows are dealt at random into 10 folds; for
each fold, StandardScaler and PCA with the reference's component count (n_components=0.65 on the whole reference)
are refitted on the other folds and the fold's rows get their reconstruction error under that fit (out of fold),
each capped at the 0.99 quantile (numpy's linear) of the reference rows' own errors under the whole reference's fit.
c = the mean of those n capped errors less 1/19 of its gap above the reference rows' own mean capped error (a fit on
9/10 of the rows reconstructs unseen rows a little worse than the whole reference's fit does). 1,999 draws, each sqrt(m'/m) (mean of m' = min(m, 2000) errors drawn with
replacement - their mean) - sqrt(n'/n) (mean of n' = min(n, 2000) drawn - their mean); the band is c + s (10th smallest draw) to
c + s (10th largest), s = sqrt(n/(n-1)) t(0.995; df)/z(0.995), df = 2/(2/(n-1) + kappa/n), kappa the errors' excess
kurtosis (at least 0); the lower end at least 0. The same for any m, a run's step or a whole table.

Per halving of a real table (the rows dealt at random into two halves: the first the reference, the second new rows)
or per generated reference (1,000 rows of x1, x2 with correlation 0.6 and two independent columns; 5,000 new rows),
400 random batches of the new rows (distinct within a batch) are judged with that halving's band: its false-alarm
rate; and the whole second half (1,000 new generated rows) is judged at once with the band of its size. Printed: the
mean batch rate over halvings, its standard error, the alarms below and above the band, and the whole halves' alarms.

Usage: false_alarms.py NAME:M:HALVINGS ... (NAME gen, bc, wine, diabetes, digits). Measured (seed 1): see
docs/cli.md#multivariate-drift.
"""
import sys

import numpy as np
from scipy import stats
from sklearn.datasets import load_breast_cancer, load_diabetes, load_digits, load_wine
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

FOLDS, DRAWS, RANK, MAX_DRAW = 10, 1999, 10, 2000


def fit(rows, k=0.65):
    scaler = StandardScaler().fit(rows)
    return scaler, PCA(n_components=k, svd_solver="full").fit(scaler.transform(rows))


def errors(model, rows):
    scaler, pca = model
    z = scaler.transform(rows)
    return np.linalg.norm(z - pca.inverse_transform(pca.transform(z)), axis=1)


def out_of_fold(ref, k, cap, rng):
    n = len(ref)
    order = rng.permutation(n)
    out = np.empty(n)
    for f in range(FOLDS):
        held = order[f::FOLDS]
        keep = np.ones(n, bool)
        keep[held] = False
        out[held] = np.minimum(errors(fit(ref[keep], k), ref[held]), cap)
    return out


def band(c, own, m, rng):
    """The band of a batch of m rows from the reference rows' out-of-fold capped errors c and their own mean capped
    error under the reference's fit (own)."""
    n, centre = len(c), c.mean()
    mb, nb = min(m, MAX_DRAW), min(n, MAX_DRAW)
    d = np.sort(np.sqrt(mb / m) * (c[rng.integers(n, size=(DRAWS, mb))].mean(1) - centre)
                - np.sqrt(nb / n) * (c[rng.integers(n, size=(DRAWS, nb))].mean(1) - centre))
    kappa = max(0.0, np.mean((c - centre) ** 4) / np.mean((c - centre) ** 2) ** 2 - 3)
    df = 2 / (2 / (n - 1) + kappa / n)
    s = np.sqrt(n / (n - 1)) * stats.t.ppf(0.995, df) / stats.norm.ppf(0.995)
    centre -= (centre - own) / (2 * FOLDS - 1)
    return max(0.0, centre + s * d[RANK - 1]), centre + s * d[DRAWS - RANK]


def generated(n, rng):
    a, b = rng.standard_normal(n), rng.standard_normal(n)
    return np.column_stack([a, 0.6 * a + 0.8 * b, rng.standard_normal(n), rng.standard_normal(n)])


def halves(name, rng):
    if name == "gen":
        return generated(1000, rng), generated(5000, rng)
    x = {"bc": load_breast_cancer, "wine": load_wine, "digits": load_digits,
         "diabetes": load_diabetes}[name]().data
    order = rng.permutation(len(x))
    return x[order[:len(x) // 2]], x[order[len(x) // 2:]]


def measure(name, m, halvings, seed=1):
    rng = np.random.default_rng(seed)
    rates, low, high, whole = [], 0, 0, 0
    for _ in range(halvings):
        ref, new = halves(name, rng)
        full = fit(ref)
        cap = np.quantile(errors(full, ref), 0.99)
        c = out_of_fold(ref, full[1].n_components_, cap, rng)
        own = np.minimum(errors(full, ref), cap).mean()
        lower, upper = band(c, own, m, rng)
        e = np.minimum(errors(full, new), cap)
        batches = np.array([e[rng.choice(len(new), m, replace=False)].mean() for _ in range(400)])
        low += np.sum(batches < lower)
        high += np.sum(batches > upper)
        rates.append(np.mean((batches < lower) | (batches > upper)))
        whole_new = e[:1000] if name == "gen" else e
        lower, upper = band(c, own, len(whole_new), rng)
        whole += not lower <= whole_new.mean() <= upper
    print(f"{name} m={m}, {halvings} halvings: {100 * np.mean(rates):.2f}% (se "
          f"{100 * np.std(rates, ddof=1) / np.sqrt(halvings):.2f}%; {low} below + {high} above of "
          f"{400 * halvings}); whole new half {whole} of {halvings}", flush=True)


if __name__ == "__main__":
    for spec in sys.argv[1:] or ["gen:100:200", "wine:30:200", "bc:50:200", "diabetes:50:200", "digits:100:200"]:
        name, m, halvings = spec.split(":")
        measure(name, int(m), int(halvings))
