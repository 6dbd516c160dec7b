"""Counts the reconstruction error's false alarms on exchangeable halves, with scikit-learn, independently of
TwinBench: the calibrated band of docs/cli.md#multivariate-drift (out-of-fold PCA errors, Cornish-Fisher normal band
at 1%) and NannyML's chunk band it replaced, on the same shuffles. Run with /usr/bin/python3 (scikit-learn 1.2.1):

    bc 50 rows: new 19, chunk 23 of 1000; wine 30 rows: new 21, chunk 18 of 800;
    digits 100 rows: new 37, chunk 135 of 800; generated (1,000 against 100, rho 0.6): new 14, chunk 32 of 1000
"""
import numpy as np
from scipy.stats import norm
from sklearn.datasets import load_breast_cancer, load_digits, load_wine
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler


def fit(reference):
    scaler = StandardScaler().fit(reference)
    z = scaler.transform(reference)
    pca = PCA(n_components=0.65, svd_solver="full").fit(z)
    k = pca.n_components_
    oof = np.empty(len(z))
    for fold in range(10):
        held = np.arange(fold, len(z), 10)
        rest = np.setdiff1d(np.arange(len(z)), held)
        fold_pca = PCA(n_components=k, svd_solver="full").fit(z[rest])
        oof[held] = np.linalg.norm(z[held] - fold_pca.inverse_transform(fold_pca.transform(z[held])), axis=1)
    return scaler, pca, oof


def errors(scaler, pca, rows):
    z = scaler.transform(rows)
    return np.linalg.norm(z - pca.inverse_transform(pca.transform(z)), axis=1)


def band(oof, m):
    n = len(oof)
    sd = oof.std(ddof=1) * np.sqrt(1 / m + 1 / n)
    skew = np.clip(((oof - oof.mean()) ** 3).mean() * (1 / m ** 2 - 1 / n ** 2) / sd ** 3, -1, 1)
    z = norm.ppf(0.995)
    shift = skew * (z * z - 1) / 6
    return max(0.0, oof.mean() + sd * (shift - z)), oof.mean() + sd * (shift + z)


def chunk_band(in_sample, m):
    size = max(1, min(m, len(in_sample) // 10))
    means = np.array([in_sample[c * size:(c + 1) * size].mean() for c in range(len(in_sample) // size)])
    return max(0.0, means.mean() - 3 * means.std()), means.mean() + 3 * means.std()


def correlated(n, rho, rng):
    a, b = rng.standard_normal(n), rng.standard_normal(n)
    return np.column_stack([a, rho * a + np.sqrt(1 - rho ** 2) * b, rng.standard_normal(n), rng.standard_normal(n)])


def count(name, m, shuffles, seed):
    rng = np.random.default_rng(seed)
    new = old = total = 0
    for _ in range(shuffles):
        if name == "generated":
            reference, current = correlated(1000, 0.6, rng), correlated(500, 0.6, rng)
        else:
            x = {"bc": load_breast_cancer, "wine": load_wine, "digits": load_digits}[name]().data
            order = rng.permutation(len(x))
            reference, current = x[order[:len(x) // 2]], x[order[len(x) // 2:]]
        scaler, pca, oof = fit(reference)
        lo, hi = band(oof, m)
        clo, chi = chunk_band(errors(scaler, pca, reference), m)
        for b in range(len(current) // m):
            e = errors(scaler, pca, current[b * m:(b + 1) * m]).mean()
            total += 1
            new += e < lo or e > hi
            old += not (clo < e < chi)
    print(f"{name} {m} rows: new {new}, chunk {old} of {total}")


count("bc", 50, 200, 21)
count("wine", 30, 400, 22)
count("digits", 100, 100, 23)
count("generated", 100, 200, 24)
