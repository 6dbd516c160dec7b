#!/usr/bin/python3
"""What retraining every month did, judged on the same rows, independently of TwinBench, for
sim/whatif/PairedRetrainingTest and ui/wizard/AmountRetrainingTest (the guided check's "would fix it" / "would help"
/ "would not help").

Each set: a scikit-learn model fitted on the first half of a shuffled order (numpy seed 7) scores the second half
unchanged; a change moves one column of the second half (shifted by `shift` of its standard deviation plus noise of
half of it, numpy seed 11); the same model scores it ("changed"); a model refitted on the first half moved the same
way (what retraining on recent rows learns) scores it too ("retrained"). Rows written per row: unchanged, changed,
retrained (1 right / 0 wrong, or absolute errors).
    breast-cancer.csv  Wisconsin breast cancer, logistic regression on the ten "mean" columns, "mean concave points"
                       shifted by 1.5 sd
    wine.csv           UCI wine, multinomial logistic regression, "flavanoids" shifted by 2 sd
    diabetes.csv       diabetes, ridge regression (alpha 0.1), "bmi" shifted by 2 sd
    diabetes-without-bmi.csv   the same, retrained without "bmi" (it wins back part of the error)
    breast-cancer-stale.csv    breast cancer, "retrained" on the first half unmoved (the same model: no help)
expected.json per set, for (unchanged -> retrained) and (changed -> retrained): classifiers: the discordant counts,
statsmodels mcnemar(exact=True) p, Newcombe's method 10 paired interval of (after - before); amounts: scipy
ttest_rel p, the t interval of the mean change, wilcoxon(method="approx") p; and the outcome by the check's rule:
  fixes    when retrained against unchanged is not a fall beyond chance of at least 2 points (amounts: a rise of at
           least 5% of the unchanged error) - beyond chance: classifiers McNemar p < 0.05 and the interval below 0;
           amounts the interval above 0 and both p < 0.05;
  helps    else when retrained against changed wins back at least 2 points (amounts 5% of the changed error) beyond
           chance (the mirror rule);
  does not help otherwise.

Run from the repository root: /usr/bin/python3 sample-data/scripts/paired_retraining_reference.py
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

OUT = "src/test/resources/whatif/retraining/"


def halves(frame):
    frame = frame.iloc[np.random.default_rng(7).permutation(len(frame))].reset_index(drop=True)
    half = len(frame) // 2
    return frame[:half], frame[half:].reset_index(drop=True)


def moved(frame, column, shift):
    rng = np.random.default_rng(11)
    out = frame.copy()
    sd = frame[column].std(ddof=1)
    out[column] = frame[column] + shift * sd + rng.normal(0, 0.5 * sd, len(frame))
    return out


def paired(amounts, before, after):
    if amounts:
        d = after - before
        low, high = stats.t.interval(0.95, len(d) - 1, loc=d.mean(), scale=stats.sem(d))
        out = {"before": before.mean(), "after": after.mean(), "low": low, "high": high,
               "p": stats.ttest_rel(after, before).pvalue, "wilcoxon_p": stats.wilcoxon(d, method="approx").pvalue}
        out["worse"] = bool(low > 0 and out["p"] < 0.05 and out["wilcoxon_p"] < 0.05)
        out["better"] = bool(high < 0 and out["p"] < 0.05 and out["wilcoxon_p"] < 0.05)
    else:
        a = int(((before == 1) & (after == 1)).sum())
        b = int(((before == 1) & (after == 0)).sum())
        c = int(((before == 0) & (after == 1)).sum())
        d = int(((before == 0) & (after == 0)).sum())
        low, high = newcombe10(a, b, c, d)
        out = {"before": before.mean(), "after": after.mean(), "fell": b, "rose": c, "low": low, "high": high,
               "p": mcnemar([[a, b], [c, d]], exact=True).pvalue}
        out["worse"] = bool(high < 0 and out["p"] < 0.05)
        out["better"] = bool(low > 0 and out["p"] < 0.05)
    return {k: (float(v) if not isinstance(v, (bool, int)) else v) for k, v in out.items()}


def outcome(amounts, fixes, helps):
    if amounts:
        hurt = fixes["worse"] and (fixes["after"] - fixes["before"]) / fixes["before"] >= 0.05
        gain = helps["before"] - helps["after"] >= 0.05 * helps["before"]
    else:
        hurt = fixes["worse"] and fixes["before"] - fixes["after"] >= 0.02
        gain = helps["after"] - helps["before"] >= 0.02
    return "FIXES" if not hurt else "HELPS" if gain and helps["better"] else "DOES_NOT_HELP"


def run(name, data, features, make, column, shift, amounts, retrain="moved"):
    frame = data.frame
    train, test = halves(frame)
    model = make().fit(train[features], train["target"])
    later = moved(test, column, shift)
    kept = [f for f in features if f != column] if retrain == "without" else features
    retrained = make().fit((train if retrain == "stale" else moved(train, column, shift))[kept], train["target"])
    if amounts:
        score = lambda m, f, cols=features: np.abs(m.predict(f[cols]) - f["target"].to_numpy())
    else:
        score = lambda m, f, cols=features: (m.predict(f[cols]) == f["target"].to_numpy()).astype(int)
    rows = pd.DataFrame({"unchanged": score(model, test), "changed": score(model, later),
                         "retrained": score(retrained, later, kept)})
    rows.to_csv(OUT + name + ".csv", index=False, float_format="%.17g")
    rows = pd.read_csv(OUT + name + ".csv")
    fixes = paired(amounts, rows["unchanged"].to_numpy(), rows["retrained"].to_numpy())
    helps = paired(amounts, rows["changed"].to_numpy(), rows["retrained"].to_numpy())
    return {"n": len(rows), "from_unchanged": fixes, "from_changed": helps, "outcome": outcome(amounts, fixes, helps)}


logistic = lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000))
cancer = load_breast_cancer(as_frame=True)
wine = load_wine(as_frame=True)
diabetes = load_diabetes(as_frame=True)
expected = {
    "breast-cancer": run("breast-cancer", cancer, [c for c in cancer.feature_names if c.startswith("mean ")], logistic,
                         "mean concave points", 1.5, False),
    "wine": run("wine", wine, list(wine.feature_names), logistic, "flavanoids", 2.0, False),
    "diabetes": run("diabetes", diabetes, list(diabetes.feature_names), lambda: Ridge(alpha=0.1), "bmi", 2.0, True),
    # Retrained without the moved column: it wins back part of the error only.
    "diabetes-without-bmi": run("diabetes-without-bmi", diabetes, list(diabetes.feature_names),
                                lambda: Ridge(alpha=0.1), "bmi", 2.0, True, "without"),
    # Retrained on rows from before the change: the same model, no help.
    "breast-cancer-stale": run("breast-cancer-stale", cancer, [c for c in cancer.feature_names
                                                               if c.startswith("mean ")], logistic,
                               "mean concave points", 1.5, False, "stale"),
}
with open(OUT + "expected.json", "w") as out:
    json.dump(expected, out, indent=2)
    out.write("\n")
print(json.dumps({k: (v["outcome"], v["from_unchanged"], v["from_changed"]) for k, v in expected.items()}, indent=1))
