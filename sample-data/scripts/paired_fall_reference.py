#!/usr/bin/python3
"""Writes the paired before/after answers the guided check's paired fall is tested on, and the figures statsmodels
and scipy give for them (stats/PairedTestsTest, sim/whatif/PairedFallTest).

Each set: a model fitted by scikit-learn on the first half of a shuffled order (seed 7), the second half scored
as it is ("before") and with one everyday change to its most telling column ("after": the column shifted by 0.8
(breast cancer), 2 (wine) or 2 (diabetes) of its standard deviation, plus Gaussian noise of 0.5 of it, numpy seed
11), the same rows both times.

    src/test/resources/whatif/paired/breast-cancer.csv   the 569 Wisconsin tumours (load_breast_cancer), a logistic
                                                         regression on the ten "mean" columns; before/after: 1 right,
                                                         0 wrong
    src/test/resources/whatif/paired/wine.csv            the 178 UCI wines, a multinomial logistic regression on all
                                                         13 columns
    src/test/resources/whatif/paired/diabetes.csv        the 442 diabetes patients, a ridge regression (alpha 0.1) on all ten
                                                         columns; before/after: absolute errors
    src/test/resources/whatif/paired/generated-ties.csv  300 differences rounded to whole numbers (many ties, zeros)
    src/test/resources/whatif/paired/expected.json       per set: n; for the classifiers the 2x2 table, statsmodels'
                                                         mcnemar(table, exact=True) p-value and Newcombe's method 10
                                                         interval of (after - before), written out here by hand from
                                                         the paper (Newcombe, Stat. Med. 1998), on statsmodels'
                                                         Wilson intervals; for diabetes scipy's ttest_rel(after,
                                                         before) p-value, the t interval of the mean difference
                                                         (stats.t.interval(0.95, n-1, mean, sem)), and
                                                         wilcoxon(after - before, method="approx") p-value;
                                                         the same for the generated differences, and for 15
                                                         generated 2x2 tables

Run from the repository root:  /usr/bin/python3 sample-data/scripts/paired_fall_reference.py
"""
import json

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.datasets import load_breast_cancer, load_diabetes, load_wine
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from statsmodels.stats.contingency_tables import mcnemar
from newcombe import newcombe10

OUT = "src/test/resources/whatif/paired/"
expected = {}


def changed(frame, column, shift):
    rng = np.random.default_rng(11)
    out = frame.copy()
    sd = frame[column].std(ddof=1)
    out[column] = frame[column] + shift * sd + rng.normal(0, 0.5 * sd, len(frame))
    return out


def halves(data):
    frame = data.frame
    rng = np.random.default_rng(7)
    frame = frame.iloc[rng.permutation(len(frame))].reset_index(drop=True)
    half = len(frame) // 2
    return frame[:half], frame[half:].reset_index(drop=True)


def telling(train, features, target):
    return max(features, key=lambda c: abs(np.corrcoef(train[c], train[target])[0, 1]))


def classifier(name, data, features, model, shift):
    train, test = halves(data)
    column = telling(train, features, "target")
    model.fit(train[features], train["target"])
    before = (model.predict(test[features]) == test["target"]).astype(int)
    after = (model.predict(changed(test, column, shift)[features]) == test["target"]).astype(int)
    pd.DataFrame({"before": before, "after": after}).to_csv(OUT + name + ".csv", index=False)
    a = int(((before == 1) & (after == 1)).sum())
    b = int(((before == 1) & (after == 0)).sum())
    c = int(((before == 0) & (after == 1)).sum())
    d = int(((before == 0) & (after == 0)).sum())
    low, high = newcombe10(a, b, c, d)
    expected[name] = {"n": len(test), "column": column, "both": a, "fell": b, "rose": c, "neither": d,
                      "mcnemar_p": float(mcnemar([[a, b], [c, d]], exact=True).pvalue),
                      "newcombe_low": low, "newcombe_high": high}


def amounts(name, data, features, shift):
    train, test = halves(data)
    column = telling(train, features, "target")
    model = Ridge(alpha=0.1).fit(train[features], train["target"])
    before = np.abs(model.predict(test[features]) - test["target"])
    after = np.abs(model.predict(changed(test, column, shift)[features]) - test["target"])
    pd.DataFrame({"before": before, "after": after}).to_csv(OUT + name + ".csv", index=False, float_format="%.17g")
    before = pd.read_csv(OUT + name + ".csv")["before"].to_numpy()
    after = pd.read_csv(OUT + name + ".csv")["after"].to_numpy()
    d = after - before
    n = len(d)
    low, high = stats.t.interval(0.95, n - 1, loc=d.mean(), scale=stats.sem(d))
    expected[name] = {"n": n, "column": column, "mean_before": before.mean(), "mean_after": after.mean(),
                      "ttest_p": float(stats.ttest_rel(after, before).pvalue), "t_low": low, "t_high": high,
                      "wilcoxon_p": float(stats.wilcoxon(d, method="approx").pvalue)}


cancer = load_breast_cancer(as_frame=True)
classifier("breast-cancer", cancer, [c for c in cancer.feature_names if c.startswith("mean ")],
           make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)), 0.8)
wine = load_wine(as_frame=True)
classifier("wine", wine, list(wine.feature_names), make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
           2.0)
amounts("diabetes", load_diabetes(as_frame=True), list(load_diabetes().feature_names), 2.0)

# Generated: 2x2 tables over the range of sizes the check meets, and rounded differences full of ties and zeros.
rng = np.random.default_rng(5)
tables = []
for a, b, c, d in [(20, 2, 8, 5), (0, 0, 0, 3), (7200, 300, 120, 900), (40, 0, 6, 1), (3, 12, 12, 3)] + [
        tuple(int(x) for x in rng.integers(0, 60, 4)) for _ in range(10)]:
    low, high = newcombe10(a, b, c, d) if (a + b + c + d) > 0 else (float("nan"), float("nan"))
    tables.append({"both": a, "fell": b, "rose": c, "neither": d,
                   "mcnemar_p": float(mcnemar([[a, b], [c, d]], exact=True).pvalue),
                   "newcombe_low": low, "newcombe_high": high})
expected["tables"] = tables
ties = np.round(rng.normal(0.4, 2.0, 300))
pd.DataFrame({"difference": ties}).to_csv(OUT + "generated-ties.csv", index=False)
low, high = stats.t.interval(0.95, len(ties) - 1, loc=ties.mean(), scale=stats.sem(ties))
expected["generated-ties"] = {"n": len(ties), "ttest_p": float(stats.ttest_1samp(ties, 0).pvalue), "t_low": low,
                              "t_high": high, "wilcoxon_p": float(stats.wilcoxon(ties, method="approx").pvalue)}

with open(OUT + "expected.json", "w") as out:
    json.dump(expected, out, indent=2)
