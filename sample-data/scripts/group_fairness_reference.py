#!/usr/bin/python3
"""Which group of a column a model of kinds or amounts serves worst, independently of TwinBench, for
sim/whatif/GroupFairnessTest (the guided check's fairness for kinds and amounts, sim.whatif.GroupFairness).

Sets (a scikit-learn model scoring rows it was not fitted on, in a shuffled order, numpy seed 7; rows written as group
columns, truth and prediction):
  salaries.csv   R's carData Salaries (397 professors' nine-month salaries, src/test/resources/rdata/salaries.csv),
                 LinearRegression on rank, discipline, years since PhD and of service, sex (one-hot), every row
                 predicted by 5-fold cross_val_predict (39 women: too few for a half); groups: sex, rank
  wine.csv       scikit-learn's wine (178 wines, three cultivars), LogisticRegression on the 13 columns after
                 StandardScaler, fitted on the first half, the second scored; groups: colour (color_intensity cut at its tertiles: pale, medium, deep)
  titanic.csv    R's carData TitanicSurvival (1,046 passengers with an age), LogisticRegression on sex, age and
                 class (one-hot), every row predicted by 5-fold cross_val_predict; yes/no (survived: "yes" the answer
                 to catch); groups: class, sex
  diamonds       ggplot2's diamonds (2,000 rows, src/test/resources/rdata/diamonds.csv): LinearRegression on carat,
                 cut, colour, clarity, depth, table, x, y, z (one-hot) fitted on the first half of the rows, the second
                 half scored, as the guided check replays it; groups cut, color (for ui/wizard/AmountFairnessRunTest)
  scale.csv      generated, 800 rows, group "region" (town, city): city amounts 5 times as large, and both regions'
                 models off by 10% of the amount on average (|N(0, s)|, s = 0.1 sqrt(pi/2) x the amount) -- off by
                 more in the city only as its amounts are larger
  generated.csv  600 rows, three kinds, group "shift" (day, night, weekend); the model right 90% of the time by day
                 and weekend, 70% at night; and an amount off by |N(0, 10)| (day, weekend) or |N(0, 14)| (night)
Per column, each group with at least 30 rows (and 30 in the rest) against the rest of the column:
  kinds: the gap rest - group of the shares right, statsmodels' confint_proportions_2indep(method="newcomb")
         interval, proportions_ztest (two-sided, pooled) p-value;
  yes/no: the same for the share right, and for the share caught (recall: of the rows whose outcome is "yes", those
         answered "yes"), over those rows only;
  amounts: the ratio group MAE / rest MAE, its delta-method interval exp(log r +- 1.959964 sqrt(s_g^2/(n_g MAE_g^2) +
         s_r^2/(n_r MAE_r^2))) (s: sample sd of the absolute errors), scipy's ttest_ind(equal_var=False) p-value.
         Scaled: the absolute errors of each side divided by its mean amount (taken as known): the ratio of the two
         means, its interval by the same delta method (the ratio's, times rest mean / group mean) and ttest_ind
         (equal_var=False) of the scaled errors; beyond chance only when both ratios are above 1 and both p-values
         times the Bonferroni factor under 0.05.
The worst group: the largest gap, or for amounts the largest scaled ratio; Bonferroni factor: the groups judged (1 for a column of two groups).

Run from the repository root: /usr/bin/python3 sample-data/scripts/group_fairness_reference.py
"""
import json

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.datasets import load_wine
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

OUT = "src/test/resources/whatif/fairness/"
Z95 = 1.959963984540054


def halves(frame):
    order = np.random.default_rng(7).permutation(len(frame))
    frame = frame.iloc[order].reset_index(drop=True)
    half = len(frame) // 2
    return frame[:half], frame[half:].reset_index(drop=True)


def judge(frame, column, amounts, caught=False):
    results = []
    groups = sorted(frame[column].unique())
    for g in groups:
        mine, rest = frame[frame[column] == g], frame[frame[column] != g]
        if caught:
            mine, rest = mine[mine["truth"] == 1], rest[rest["truth"] == 1]
        if len(mine) < 30 or len(rest) < 30:
            continue
        if amounts:
            e, r = mine["error"].to_numpy(), rest["error"].to_numpy()
            ratio = e.mean() / r.mean()
            se = np.sqrt(e.var(ddof=1) / (len(e) * e.mean() ** 2) + r.var(ddof=1) / (len(r) * r.mean() ** 2))
            results.append({"group": f"{column}={g}", "figure": e.mean(), "rest": r.mean(), "rows": len(e),
                            "rest_rows": len(r), "size": ratio, "low": ratio * np.exp(-Z95 * se),
                            "high": ratio * np.exp(Z95 * se),
                            "p": float(stats.ttest_ind(e, r, equal_var=False).pvalue)})
            a, ar = mine["amount"].mean(), rest["amount"].mean()
            se_, sr_ = e / a, r / ar
            scaled = se_.mean() / sr_.mean()
            se2 = np.sqrt(se_.var(ddof=1) / (len(e) * se_.mean() ** 2) + sr_.var(ddof=1) / (len(r) * sr_.mean() ** 2))
            results[-1]["scaled"] = {"figure": se_.mean(), "rest": sr_.mean(), "amount": a, "rest_amount": ar,
                                     "ratio": scaled, "low": scaled * np.exp(-Z95 * se2),
                                     "high": scaled * np.exp(Z95 * se2),
                                     "p": float(stats.ttest_ind(se_, sr_, equal_var=False).pvalue)}
        else:
            x, n = int(mine["right"].sum()), len(mine)
            xr, nr = int(rest["right"].sum()), len(rest)
            low, high = confint_proportions_2indep(xr, nr, x, n, method="newcomb", compare="diff")
            p = proportions_ztest([xr, x], [nr, n], alternative="two-sided")[1]
            results.append({"group": f"{column}={g}", "figure": x / n, "rest": xr / nr, "rows": n, "rest_rows": nr,
                            "size": xr / nr - x / n, "low": float(low), "high": float(high), "p": float(p)})
    if len(results) < 2:
        return None
    worst = max(results, key=lambda r: r["scaled"]["ratio"] if amounts else r["size"])
    m = 1 if len(groups) == 2 else len(results)
    worst["comparisons"] = m
    alone = bool(worst["p"] * m < 0.05 and worst["size"] > (1 if amounts else 0))
    worst["worse_alone"] = alone
    worst["beyond_chance"] = alone and (not amounts or bool(worst["scaled"]["ratio"] > 1
                                                            and worst["scaled"]["p"] * m < 0.05))
    if amounts:
        worst["scaled"] = {k: float(v) for k, v in worst["scaled"].items()}
    return {k: (float(v) if isinstance(v, (np.floating, float)) else v) for k, v in worst.items()}



def main():
    expected = {}

    salaries = pd.read_csv("src/test/resources/rdata/salaries.csv")
    test = salaries.iloc[np.random.default_rng(7).permutation(len(salaries))].reset_index(drop=True)
    x = pd.get_dummies(test[["rank", "discipline", "yrs.since.phd", "yrs.service", "sex"]], dtype=float)
    test["prediction"] = cross_val_predict(LinearRegression(), x, test["salary"], cv=5)
    test["error"] = (test["prediction"] - test["salary"]).abs()
    test["amount"] = test["salary"]
    test[["sex", "rank", "salary", "prediction"]].to_csv(OUT + "salaries.csv", index=False, float_format="%.17g")
    expected["salaries"] = {"sex": judge(test, "sex", True), "rank": judge(test, "rank", True)}

    wine = load_wine(as_frame=True).frame
    wine["colour"] = pd.qcut(wine["color_intensity"], 3, labels=["pale", "medium", "deep"]).astype(str)
    train, test = halves(wine)
    features = load_wine().feature_names
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)).fit(train[features], train["target"])
    test["prediction"] = model.predict(test[features])
    test["right"] = (test["prediction"] == test["target"]).astype(int)
    test[["colour", "target", "prediction"]].to_csv(OUT + "wine.csv", index=False)
    expected["wine"] = {"colour": judge(test, "colour", False)}

    titanic = pd.read_csv("src/test/resources/rdata/titanic.csv").dropna(subset=["age"])
    titanic = titanic.iloc[np.random.default_rng(7).permutation(len(titanic))].reset_index(drop=True)
    x = pd.get_dummies(titanic[["sex", "age", "passengerClass"]], dtype=float)
    titanic["truth"] = (titanic["survived"] == "yes").astype(int)
    titanic["prediction"] = cross_val_predict(LogisticRegression(max_iter=5000), x, titanic["truth"], cv=5)
    titanic["right"] = (titanic["prediction"] == titanic["truth"]).astype(int)
    titanic[["passengerClass", "sex", "truth", "prediction"]].to_csv(OUT + "titanic.csv", index=False)
    expected["titanic"] = {}
    for column in ["passengerClass", "sex"]:
        expected["titanic"][column] = {"share_right": judge(titanic, column, False)}
        titanic["right"] = (titanic["prediction"] == 1).astype(int)
        expected["titanic"][column]["caught"] = judge(titanic, column, False, caught=True)
        titanic["right"] = (titanic["prediction"] == titanic["truth"]).astype(int)

    diamonds = pd.read_csv("src/test/resources/rdata/diamonds.csv")
    half = len(diamonds) // 2
    features = ["carat", "cut", "color", "clarity", "depth", "table", "x", "y", "z"]
    x = pd.get_dummies(diamonds[features], dtype=float)
    later = diamonds[half:].copy()
    later["prediction"] = LinearRegression().fit(x[:half], diamonds["price"][:half]).predict(x[half:])
    later["error"] = (later["prediction"] - later["price"]).abs()
    later["amount"] = later["price"]
    expected["diamonds"] = {"cut": judge(later, "cut", True), "color": judge(later, "color", True)}

    rng = np.random.default_rng(3)
    region = rng.choice(["town", "city"], 800)
    amount = np.where(region == "city", 5, 1) * rng.uniform(80, 120, 800)
    predicted_amount = amount + rng.normal(0, 0.1 * np.sqrt(np.pi / 2) * amount)
    scale = pd.DataFrame({"region": region, "amount": amount, "predicted_amount": predicted_amount})
    scale.to_csv(OUT + "scale.csv", index=False, float_format="%.17g")
    scale["error"] = (scale["predicted_amount"] - scale["amount"]).abs()
    expected["scale"] = {"region": judge(scale, "region", True)}

    rng = np.random.default_rng(5)
    n = 600
    shift = rng.choice(["day", "night", "weekend"], n)
    truth = rng.integers(0, 3, n)
    right = rng.random(n) < np.where(shift == "night", 0.7, 0.9)
    prediction = np.where(right, truth, (truth + rng.integers(1, 3, n)) % 3)
    amount = rng.normal(100, 20, n)
    predicted_amount = amount + rng.normal(0, np.where(shift == "night", 14, 10))
    generated = pd.DataFrame({"shift": shift, "truth": truth, "prediction": prediction, "amount": amount,
                              "predicted_amount": predicted_amount})
    generated.to_csv(OUT + "generated.csv", index=False, float_format="%.17g")
    generated["right"] = (generated["truth"] == generated["prediction"]).astype(int)
    generated["error"] = (generated["predicted_amount"] - generated["amount"]).abs()
    expected["generated"] = {"kinds": judge(generated, "shift", False), "amounts": judge(generated, "shift", True)}

    with open(OUT + "expected.json", "w") as out:
        json.dump(expected, out, indent=2)
        out.write("\n")
    print(json.dumps(expected, indent=1))


if __name__ == "__main__":
    main()
