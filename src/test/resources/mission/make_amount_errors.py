"""Diabetes (scikit-learn's, unscaled) with 15 planted wrong amounts, and the answer of the residual check
computed with numpy: out-of-fold least squares (row i in fold i % 5, numpy.linalg.lstsq with an intercept
column), residuals r = y - prediction, modified z = 0.6745 (r - median r) / MAD, flagged when |z| > 3.5.
Run with /usr/bin/python3 from this folder; writes diabetes-planted.csv and diabetes-planted.json, and the
answer on ggplot2's diamonds (judged on the log scale) in diamonds-amounts.json."""
import json
import numpy as np
from sklearn.datasets import load_diabetes

def judge(x, y):
    n = len(y)
    oof = np.empty(n)
    for f in range(5):
        test = np.arange(n) % 5 == f
        a = np.column_stack([x[~test], np.ones((~test).sum())])
        w, *_ = np.linalg.lstsq(a, y[~test], rcond=None)
        oof[test] = np.column_stack([x[test], np.ones(test.sum())]) @ w
    return oof, y - oof


data = load_diabetes(scaled=False, as_frame=True).frame
rng = np.random.default_rng(24)
planted = sorted(int(i) for i in rng.choice(len(data), 15, replace=False))
y = data["target"].to_numpy(dtype=float).copy()
for k, i in enumerate(planted):
    y[i] += 250 if k % 2 == 0 else -250
data["target"] = y
data.to_csv("diabetes-planted.csv", index=False)

x = data.drop(columns="target").to_numpy(dtype=float)
oof, r = judge(x, y)
med = np.median(r)
mad = np.median(np.abs(r - med))
z = 0.6745 * (r - med) / mad
flagged = [int(i) for i in np.flatnonzero(np.abs(z) > 3.5)]
json.dump({"planted": planted, "flagged": flagged, "z": {str(i): float(z[i]) for i in flagged},
           "median": float(med), "mad": float(mad)}, open("diabetes-planted.json", "w"), indent=1)
hit = len(set(flagged) & set(planted))
print(f"flagged {len(flagged)}, planted {len(planted)}, precision {hit / len(flagged):.3f}, "
      f"recall {hit / len(planted):.3f}")


def spread_ratio(pred, res, bins=10, bin_rows=50):
    """Largest over smallest MAD of the residuals in equal-count bins of rows ordered by prediction."""
    n = len(pred)
    bins = min(bins, n // bin_rows)
    order = np.lexsort((np.arange(n), pred))
    mads = []
    for b in range(bins):
        part = res[order[b * n // bins:(b + 1) * n // bins]]
        mads.append(np.median(np.abs(part - np.median(part))))
    return max(mads) / min(mads)


# ggplot2's diamonds (2,000 drawn, ../rdata/diamonds.csv): the price's residual spread grows with the price, so the
# check is made on log(price). One-hot columns of cut, color and clarity (drop-first: the same predictions).
import pandas as pd
d = pd.read_csv("../rdata/diamonds.csv")
y = d["price"].to_numpy(dtype=float)
x = pd.get_dummies(d.drop(columns="price"), drop_first=True).to_numpy(dtype=float)
pred, res = judge(x, y)
ratio = spread_ratio(pred, res)
ly = np.log(y)
lpred, lres = judge(x, ly)
med = np.median(lres)
mad = np.median(np.abs(lres - med))
z = 0.6745 * (lres - med) / mad
flagged = [int(i) for i in np.flatnonzero(np.abs(z) > 3.5)]
one_scale = 0.6745 * (res - np.median(res)) / np.median(np.abs(res - np.median(res)))
json.dump({"spread_ratio": float(ratio), "flagged": flagged, "z": {str(i): float(z[i]) for i in flagged},
           "median": float(med), "mad": float(mad), "flagged_on_one_scale": int((np.abs(one_scale) > 3.5).sum())},
          open("diamonds-amounts.json", "w"), indent=1)
print(f"diamonds: spread ratio {ratio:.3f}, {len(flagged)} flagged on the log scale, "
      f"{int((np.abs(one_scale) > 3.5).sum())} on one scale")

# modeldata's Chicago ridership (../rdata/chicago.csv), the days before 2010 as a user trains on them: nothing about
# the weekday among the features, so Sundays, Mondays and holidays lie far from what the other days predict. Judged
# on the log scale (spread ratio 3.9); 7.4% of the days flagged: too many to be slips.
c = pd.read_csv("../rdata/chicago.csv")
c = c[c.date < "2010-01-01"]
y = c["ridership"].to_numpy(dtype=float)
x = c.drop(columns=["ridership", "date"]).to_numpy(dtype=float)
pred, res = judge(x, y)
lpred, lres = judge(x, np.log(y))
med = np.median(lres)
z = 0.6745 * (lres - med) / np.median(np.abs(lres - med))
flagged = np.flatnonzero(np.abs(z) > 3.5)
weekdays = pd.to_datetime(c.date.iloc[flagged]).dt.day_name().value_counts()
json.dump({"rows": len(y), "spread_ratio": float(spread_ratio(pred, res)), "flagged": len(flagged),
           "weekdays": {k: int(v) for k, v in weekdays.items()}}, open("chicago-amounts.json", "w"), indent=1)
print(f"chicago: {len(flagged)} of {len(y)} flagged on the log scale, by weekday {dict(weekdays)}")
