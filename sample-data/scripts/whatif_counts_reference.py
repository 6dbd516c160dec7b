#!/usr/bin/python3
"""Writes the answers the guided check's counts are tested on, and the figures scikit-learn, statsmodels and
scipy give for them (sim/whatif/GroupCountsTest).

    src/test/resources/whatif/answers-wine.csv      the 178 UCI wines (sklearn.datasets.load_wine) with the
                                                    cultivar a deliberately weak model answers (multinomial
                                                    logistic regression on alcohol and hue only, fitted on the
                                                    first half of a shuffled order) and the first half's
                                                    commonest cultivar (the naive guess)
    src/test/resources/whatif/answers-iris.csv      the 150 irises, a model on the sepal measures only
    src/test/resources/whatif/answers-glass.csv     R's Glass (mlbench, src/test/resources/rdata/glass.csv),
                                                    six kinds, a model on Na, Mg and Al only
    src/test/resources/whatif/answers-diabetes.csv  the 442 diabetes patients (sklearn.datasets.load_diabetes),
                                                    a ridge regression on bmi and s5 fitted on the first half,
                                                    and the first half's mean (the naive guess)
    src/test/resources/whatif/expected.json         per set: confusion_matrix, accuracy, statsmodels'
                                                    proportion_confint(method="wilson"), the guess's share
                                                    right, and the commonest mistake's one-sided binomial
                                                    p-value (scipy.stats.binomtest, p = 1/(k(k-1))) times
                                                    k(k-1); for diabetes the MAE, its scipy t interval
                                                    (stats.t.interval(0.95, n-1, mean, sem(ddof=1))) and the
                                                    guess's MAE; and the expected share of different rows
                                                    P(1-(1-1/P)^N)/N for the check's draws

Run from the repository root:  /usr/bin/python3 sample-data/scripts/whatif_counts_reference.py
"""
import json

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.datasets import load_diabetes, load_iris, load_wine
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import confusion_matrix, mean_absolute_error
from statsmodels.stats.proportion import proportion_confint

OUT = "src/test/resources/whatif/"
expected = {}


def kinds_answers(name, frame, label, features, kinds):
    rng = np.random.default_rng(7)
    frame = frame.iloc[rng.permutation(len(frame))].reset_index(drop=True)
    half = len(frame) // 2
    model = LogisticRegression(max_iter=5000).fit(frame[features][:half], frame[label][:half])
    answered = model.predict(frame[features])
    guess = frame[label][:half].value_counts().sort_index().idxmax()
    out = pd.DataFrame({"label": frame[label], "answered": answered, "guess": guess})
    out.to_csv(OUT + "answers-" + name + ".csv", index=False)
    truth = out["label"].to_numpy()
    cm = confusion_matrix(truth, answered, labels=kinds)
    right = int((truth == answered).sum())
    n = len(truth)
    low, high = proportion_confint(right, n, alpha=0.05, method="wilson")
    k = len(kinds)
    off = cm.copy()
    np.fill_diagonal(off, -1)
    t, a = np.unravel_index(np.argmax(off), off.shape)
    errors = n - right
    p = min(1.0, k * (k - 1) * stats.binomtest(int(cm[t, a]), errors, 1.0 / (k * (k - 1)),
                                               alternative="greater").pvalue)
    expected[name] = {
        "kinds": kinds, "confusion": cm.tolist(), "accuracy": right / n, "wilson": [low, high],
        "guess": str(guess), "guess_accuracy": float((truth == guess).mean()),
        "mistake": {"truth": kinds[t], "answered": kinds[a], "count": int(cm[t, a]), "errors": errors,
                    "p_value": p},
    }


wine = load_wine(as_frame=True).frame.rename(columns={"od280/od315_of_diluted_wines": "od280_od315"})
wine["cultivar"] = ["class_%d" % c for c in wine.pop("target")]
kinds_answers("wine", wine, "cultivar", ["alcohol", "hue"], ["class_0", "class_1", "class_2"])

iris = load_iris(as_frame=True)
frame = iris.frame.rename(columns=lambda c: c.replace(" (cm)", "").replace(" ", "_"))
frame["species"] = [iris.target_names[c] for c in frame.pop("target")]
kinds_answers("iris", frame, "species", ["sepal_length", "sepal_width"], list(iris.target_names))

glass = pd.read_csv("src/test/resources/rdata/glass.csv")
glass["Type"] = glass["Type"].astype(str)
kinds_answers("glass", glass, "Type", ["Na", "Mg", "Al"], sorted(glass["Type"].unique()))

diabetes = load_diabetes(as_frame=True, scaled=False).frame
half = len(diabetes) // 2
ridge = Ridge(alpha=1.0).fit(diabetes[["bmi", "s5"]][:half], diabetes["target"][:half])
predicted = ridge.predict(diabetes[["bmi", "s5"]])
guess = float(diabetes["target"][:half].mean())
pd.DataFrame({"target": diabetes["target"], "predicted": predicted, "guess": guess}).to_csv(
    OUT + "answers-diabetes.csv", index=False, float_format="%.17g")
errors = np.abs(predicted - diabetes["target"].to_numpy())
n = len(errors)
interval = stats.t.interval(0.95, n - 1, loc=errors.mean(), scale=stats.sem(errors, ddof=1))
expected["diabetes"] = {
    "mae": mean_absolute_error(diabetes["target"], predicted), "t_interval": list(interval),
    "guess_mae": mean_absolute_error(diabetes["target"], np.full(n, guess)),
}
# The guided check in the window (ui/wizard/WizardChecksRealDataTest): R's Glass in a shuffled order (the R set is
# sorted by Type, so its first half would lack kinds), and the diabetes set as shipped in sample-data/public. The
# wizard builds its model from the first half and replays the second: scikit-learn's multinomial logistic regression
# (standardised features) and ridge regression fitted the same way, with the naive guesses, on the second half.
from sklearn.preprocessing import StandardScaler

glass = pd.read_csv("src/test/resources/rdata/glass.csv")
glass = glass.iloc[np.random.default_rng(11).permutation(len(glass))].reset_index(drop=True)
glass.to_csv(OUT + "glass-shuffled.csv", index=False)
glass["Type"] = glass["Type"].astype(str)
half = round(len(glass) * 0.5)
X = glass.drop(columns="Type").to_numpy(float)
y = glass["Type"].to_numpy()
scaler = StandardScaler().fit(X[:half])
model = LogisticRegression(max_iter=10000).fit(scaler.transform(X[:half]), y[:half])
answered = model.predict(scaler.transform(X[half:]))
kinds = sorted(set(y))
cm = confusion_matrix(y[half:], answered, labels=kinds)
off = cm.copy()
np.fill_diagonal(off, -1)
t, a = np.unravel_index(np.argmax(off), off.shape)
guess = pd.Series(y[:half]).value_counts().sort_index().idxmax()
expected["glass_check"] = {
    "kinds": kinds, "past_rows": half, "later_rows": len(glass) - half,
    "accuracy_later": float((answered == y[half:]).mean()), "confusion_later": cm.tolist(),
    "mistake": {"truth": kinds[t], "answered": kinds[a], "count": int(cm[t, a])},
    "guess": str(guess), "guess_accuracy_later": float((y[half:] == guess).mean()),
}
diabetes = pd.read_csv("sample-data/public/diabetes.csv")
half = round(len(diabetes) * 0.5)
X = diabetes.drop(columns="target").to_numpy(float)
y = diabetes["target"].to_numpy(float)
scaler = StandardScaler().fit(X[:half])
ridge = Ridge(alpha=1.0).fit(scaler.transform(X[:half]), y[:half])
expected["diabetes_check"] = {
    "past_rows": half, "later_rows": len(diabetes) - half,
    "mae_later": mean_absolute_error(y[half:], ridge.predict(scaler.transform(X[half:]))),
    "guess_mae_later": mean_absolute_error(y[half:], np.full(len(y) - half, y[:half].mean())),
}

# The guided check's draws: 18 steps of 400 after the change is complete, from the later half of a file.
expected["distinct_share"] = {str(pool): pool * (1 - (1 - 1 / pool) ** 7200) / 7200 for pool in (89, 221, 5000)}

with open(OUT + "expected.json", "w") as f:
    json.dump(expected, f, indent=1)
    f.write("\n")
