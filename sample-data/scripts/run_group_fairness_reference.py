#!/usr/bin/python3
"""Known answers for report.html's fairness table per group (org.twinbench.report.GroupFairnessSection), on real
public data, one set per task; each scenario's last tenth of the steps is its last step, replayed in `row` order:

  binary      R's mlbench PimaIndiansDiabetes with the logged score of a weak logistic model
              (src/test/resources/tasks/window/pima-log.csv, slice_baseline_reference.py): reference 192 rows (share
              0.25), 2 steps of 288, the last step rows 480..767; groups age_group, bmi_group; positive 'pos'
  multiclass  scikit-learn's digits with cross-validated logged probabilities p_d0..p_d9
              (src/test/resources/tasks/fairness/digits-log.csv, digits_recall_gap_reference.py): reference
              round(1797 x 0.5) = 899 rows, 2 steps of 449, the last step rows 1348..1796; group ink
  regression  R's carData Salaries (397 professors' nine-month salaries, src/test/resources/rdata/salaries.csv)
              shuffled (numpy seed 7) with a `row` column: salaries-replay.csv; TwinBench's ridge model
              (train --algo linear) fitted on its first 199 rows (the reference, round(397 x 0.5)), the replay file
              scored by TwinBench (`score`, salaries-scored.csv; run_group_fairness_reference.sh does both); 1 step of
              the 198 rows after the reference; groups sex, rank

Per group of each column (and for all rows), with pandas, scipy and statsmodels:
  rows; binary and multiclass: accuracy with statsmodels' proportion_confint(method="wilson"), the accuracy of
  always answering the reference rows' most frequent class (scikit-learn's DummyClassifier(strategy="most_frequent")
  fitted on the reference); binary: recall of 'pos' with its Wilson interval over the group's positives, the share
  answered 'pos' (score >= 0.5) and its ratio to the highest share among the column's groups of at least 30 rows;
  regression: mean absolute error with the t interval mean +- t(0.975, n-1) s/sqrt(n) (s the sample sd of the
  absolute errors), its ratio to all rows' MAE, and the MAE of always predicting the reference rows' mean salary.
And per column the group served worst against the rest of the column (groups of at least 30 rows, and 30 in the
rest): shares by group_fairness_reference.judge (the guided check's reference: the gap rest - group with
confint_proportions_2indep(method="newcomb") and proportions_ztest; for binary also the share caught over the
positives only); amounts, whose true sizes the run's slices do not keep (so no scaled ratio), by the MAE ratio with the delta-method interval and
scipy's ttest_ind(equal_var=False); the worst the largest gap or ratio, Bonferroni over the groups judged (1 for a
column of two groups). Writes src/test/resources/report/fairness/expected.json.

Run from the repository root:  /usr/bin/python3 sample-data/scripts/run_group_fairness_reference.py data|expected
"""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.dummy import DummyClassifier
from statsmodels.stats.proportion import proportion_confint

sys.path.insert(0, "sample-data/scripts")
from group_fairness_reference import judge  # noqa: E402  the guided check's reference, the same comparison

OUT = "src/test/resources/report/fairness/"
Z95 = 1.959963984540054
MIN_ROWS = 30


def data():
    salaries = pd.read_csv("src/test/resources/rdata/salaries.csv")
    salaries = salaries.iloc[np.random.default_rng(7).permutation(len(salaries))].reset_index(drop=True)
    salaries.insert(0, "row", range(len(salaries)))
    salaries.to_csv(OUT + "salaries-replay.csv", index=False)
    salaries.iloc[:199].to_csv(OUT + "salaries-train.csv", index=False)


def wilson(x, n):
    low, high = proportion_confint(x, n, alpha=0.05, method="wilson")
    return [float(low), float(high)]


def error_worst(frame, column):
    results = []
    groups = sorted(frame[column].unique())
    for g in groups:
        e = frame[frame[column] == g]["error"].to_numpy()
        r = frame[frame[column] != g]["error"].to_numpy()
        if len(e) < MIN_ROWS or len(r) < MIN_ROWS:
            continue
        ratio = e.mean() / r.mean()
        se = np.sqrt(e.var(ddof=1) / (len(e) * e.mean() ** 2) + r.var(ddof=1) / (len(r) * r.mean() ** 2))
        results.append({"group": f"{column}={g}", "figure": e.mean(), "rest": r.mean(), "rows": len(e), "size": ratio,
                        "low": ratio * np.exp(-Z95 * se), "high": ratio * np.exp(Z95 * se),
                        "p": float(stats.ttest_ind(e, r, equal_var=False).pvalue)})
    return worst(results, groups, lambda r: r["size"] > 1)


def worst(results, groups, worse):
    if len(results) < 2:
        return None
    w = max(results, key=lambda r: r["size"])
    m = 1 if len(groups) == 2 else len(results)
    w["comparisons"] = m
    w["beyond_chance"] = bool(worse(w) and w["p"] * m < 0.05)
    return {k: (float(v) if isinstance(v, (np.floating, float)) else v) for k, v in w.items()}


def classifier(frame, reference, columns, truth, binary):
    guess = DummyClassifier(strategy="most_frequent").fit(reference[[truth]], reference[truth])
    frame = frame.copy()
    frame["guess"] = guess.predict(frame[[truth]])
    frame["right"] = (frame["prediction"] == frame[truth]).astype(int)
    if binary:
        frame["truth"] = (frame[truth] == "pos").astype(int)
        frame["answered"] = (frame["prediction"] == "pos").astype(int)

    def figures(rows):
        n = len(rows)
        out = {"rows": n, "accuracy": float(rows["right"].mean()), "accuracy_interval": wilson(rows["right"].sum(), n),
               "baseline_accuracy": float((rows["guess"] == rows[truth]).mean())}
        if binary:
            positives = rows[rows["truth"] == 1]
            out.update({"positives": len(positives), "recall": float(positives["answered"].mean()),
                        "recall_interval": wilson(positives["answered"].sum(), len(positives)),
                        "selection": float(rows["answered"].mean())})
        return out

    out = {"majority": str(guess.predict(reference[[truth]].iloc[:1])[0]), "all": figures(frame), "columns": {}}
    for column in columns:
        groups = {str(g): figures(rows) for g, rows in frame.groupby(column)}
        if binary:
            highest = max(v["selection"] for v in groups.values() if v["rows"] >= MIN_ROWS)
            for v in groups.values():
                v["four_fifths"] = v["selection"] / highest if v["rows"] >= MIN_ROWS else None
        judged = {"share_right": judge(frame, column, False)}
        if binary:
            caught = frame.rename(columns={"right": "was_right", "answered": "right"})
            judged["caught"] = judge(caught, column, False, caught=True)
        out["columns"][column] = {"groups": groups, "worst": judged}
    return out


def expected():
    out = {}
    pima = pd.read_csv("src/test/resources/tasks/window/pima-log.csv")
    last = pima.iloc[480:768].copy()
    last["prediction"] = np.where(last["score"] >= 0.5, "pos", "neg")
    out["pima"] = classifier(last, pima.iloc[:192], ["age_group", "bmi_group"], "diabetes", True)

    digits = pd.read_csv("src/test/resources/tasks/fairness/digits-log.csv")
    proba = digits[[f"p_d{k}" for k in range(10)]].to_numpy()
    digits["prediction"] = ["d" + str(k) for k in proba.argmax(axis=1)]
    out["digits"] = classifier(digits.iloc[1348:1797], digits.iloc[:899], ["ink"], "digit", False)

    scored = pd.read_csv(OUT + "salaries-scored.csv")
    reference, last = scored.iloc[:199], scored.iloc[199:397].copy()
    mean = reference["salary"].mean()
    last["error"] = (last["prediction"] - last["salary"]).abs()
    last["guess_error"] = (mean - last["salary"]).abs()
    overall = last["error"].mean()

    def amounts(rows):
        n, e = len(rows), rows["error"]
        half = stats.t.ppf(0.975, n - 1) * e.std(ddof=1) / np.sqrt(n) if n > 1 else float("nan")
        return {"rows": n, "mae": float(e.mean()), "mae_interval": [float(e.mean() - half), float(e.mean() + half)],
                "ratio_to_all": float(e.mean() / overall), "baseline_mae": float(rows["guess_error"].mean())}

    out["salaries"] = {"reference_mean": float(mean), "all": amounts(last), "columns": {
        column: {"groups": {str(g): amounts(rows) for g, rows in last.groupby(column)},
                 "worst": {"error": error_worst(last, column)}} for column in ["sex", "rank"]}}
    with open(OUT + "expected.json", "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    data() if sys.argv[1:] == ["data"] else expected()
