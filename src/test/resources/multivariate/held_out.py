"""Independent values of the reconstruction band's held-out draws (docs/cli.md#multivariate-drift), a batch of at
most half the reference. Run with /usr/bin/python3 (scikit-learn 1.2.1) from this folder; writes held-out.json.

On breast-reference.csv (made by make_multivariate.py): for a few seeded choices of held-out rows (drawn with
replacement, so a row may repeat), StandardScaler and PCA(n_components=3, the reference's count) are fitted from
scratch on the reference rows not chosen and the draw is the chosen rows' mean Euclidean reconstruction error, each
row's at most the 0.99 quantile of the reference rows' own errors under the whole reference's fit (cap); the
Java draw (which takes the chosen rows out of the reference's sums instead of refitting, as its cross-fit does
without each fold) must equal it. Then the cross-fitted band of a batch of 50 rows (false_alarms.py's out_of_fold and
band) on 100 seeds of this script's own folds and draws: the Java band, on its own, must fall in that range.
"""
import json

import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

import false_alarms

x = pd.read_csv("breast-reference.csv").to_numpy(float)
n = len(x)
full_scaler = StandardScaler().fit(x)
full = PCA(n_components=0.65).fit(full_scaler.transform(x))
K = full.n_components_
zx = full_scaler.transform(x)
# A row's error counts for at most the 0.99 quantile of the reference rows' own errors (numpy's linear).
CAP = float(np.quantile(np.linalg.norm(zx - full.inverse_transform(full.transform(zx)), axis=1), 0.99))


def draw(held):
    keep = np.ones(n, bool)
    keep[held] = False
    scaler = StandardScaler().fit(x[keep])
    pca = PCA(n_components=K, svd_solver="full").fit(scaler.transform(x[keep]))
    z = scaler.transform(x[held])
    return float(np.minimum(np.linalg.norm(z - pca.inverse_transform(pca.transform(z)), axis=1), CAP).mean())


rng = np.random.default_rng(3)
draws = []
for m in (1, 7, 50, 184):
    held = rng.integers(n, size=m)
    draws.append({"rows": [int(i) for i in held], "error": draw(held)})


def band(m, seed):
    r = np.random.default_rng(seed)
    own = float(np.minimum(np.linalg.norm(zx - full.inverse_transform(full.transform(zx)), axis=1), CAP).mean())
    return false_alarms.band(false_alarms.out_of_fold(x, K, CAP, r), own, m, r)


bands = np.array([band(50, seed) for seed in range(100)])
out = {"components": int(K), "cap": CAP, "draws": draws,
       "band_50_lower_range": [float(bands[:, 0].min()), float(bands[:, 0].max())],
       "band_50_upper_range": [float(bands[:, 1].min()), float(bands[:, 1].max())]}
with open("held-out.json", "w") as f:
    json.dump(out, f, indent=2)
    f.write("\n")
print({k: v for k, v in out.items() if k != "draws"}, [d["error"] for d in draws])
