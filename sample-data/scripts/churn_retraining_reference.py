#!/usr/bin/python3
"""What retraining every month does for the telco churn model when newer customers arrive, by scikit-learn on the very
rows the guided check drew, for sim/whatif/ChurnRetrainingRealDataTest.

Data: src/test/resources/rdata/wa_churn.csv (modeldata's wa_churn, 3,500 of its 7,043 customers drawn with R's
set.seed(7), ordered by tenure, longest first; `customer` is the row in R's data; make_data.sh). The check replays it
as it replays any file: the first half (1,750 customers, tenure 29 months or more) is the reference the model learns
from, the second half (the newer customers) is drawn 400 a step with replacement for 30 steps. The wizard's change
"new kinds of customers arrive (a lot)" moves a drawn row into a contract "new customers" with a chance that ramps up
to 0.5 by step 12.

Input: src/test/resources/whatif/churn/draws.csv, every draw of the run (step, place in the step, customer, moved
into the new contract or not), as the test records it (the same customers in the unchanged, changed and retrained
runs; the changed and retrained runs move the same ones).

Models (as the run's: numbers standardised on the training rows with a missing number at their mean, every category
one-hot over the levels the training rows hold, an unseen level all zeros; an L2-penalised logistic regression with
lambda = 0.001, i.e. scikit-learn's C = 1000; scikit-learn fits all the rows, the run 80% of them):
    reference  trained on the reference half; it answers the unchanged and the changed draws;
    retrained  refitted every four steps s = 4, 8, ..., 28 on the drawn rows of steps s-3..s as drawn (moved ones with
               the new contract), answering from step s+1 on.
Every draw from step 12 (the change fully in place) is judged: the share right of each run; the paired comparisons
unchanged->changed ("fall"), unchanged->retrained ("from_unchanged") and changed->retrained ("from_changed") as the
check makes them (each pair standing for rows/draws different rows, rows the expected number of different customers
among the draws from the 1,750: the discordant and concordant counts scaled by that share and rounded; statsmodels'
exact McNemar and Newcombe's method 10 interval of after - before); "worse" when the interval is below 0 and p < 0.05,
"better" the mirror; and the outcome by the check's rule: FIXES when retrained against unchanged is not worse by at
least 2 points, else HELPS when retrained against changed is better by at least 2 points, else DOES_NOT_HELP.

The run fits each model on 80% of its rows (the rest its holdout), chosen by its own seed, and a model of the oldest
customers meeting the newest extrapolates: fits on different 80% agree on 77% to 95% of the draws. So expected.json
holds the fit on all the rows ("whole") and, over 200 fits of every model on a random 80% of its rows (numpy seed 7),
the 2.5 and 97.5 percentiles of each share right and of the share won back by retraining ("spread"), and how often
the outcome is FIXES, retraining is better than the changed run beyond chance, and the change a fall beyond chance.

Run from the repository root: /usr/bin/python3 sample-data/scripts/churn_retraining_reference.py
"""
import json
import math

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from paired_check import outcome as rule
from paired_check import paired as check

OUT = "src/test/resources/whatif/churn/"
FULL_FROM = 12
NEW = "new customers"
SUBSETS = 200

data = pd.read_csv("src/test/resources/rdata/wa_churn.csv")
features = [c for c in data.columns if c not in ("customer", "churn")]
numeric = [c for c in features if data[c].dtype != object]
categorical = [c for c in features if data[c].dtype == object]
half = round(len(data) * 0.5)
reference = data.iloc[:half]
by_customer = data.set_index("customer")
draws = pd.read_csv(OUT + "draws.csv")


class Encoder:
    """The run's encoding, fitted on the training rows."""

    def __init__(self, rows):
        self.means = {c: rows[c].mean() for c in numeric}
        self.sds = {c: (rows[c].std(ddof=1) if rows[c].std(ddof=1) > 0 else 1.0) for c in numeric}
        self.levels = {c: sorted(rows[c].dropna().unique()) for c in categorical}

    def __call__(self, rows):
        parts = [((rows[c] - self.means[c]) / self.sds[c]).fillna(0.0).to_numpy()[:, None] for c in numeric]
        parts += [np.stack([(rows[c] == level).to_numpy(float) for level in self.levels[c]], axis=1)
                  for c in categorical]
        return np.hstack(parts)


def fit(rows):
    encoder = Encoder(rows)
    model = LogisticRegression(C=1000.0, max_iter=20000, tol=1e-10).fit(encoder(rows), rows["churn"] == "Yes")
    return lambda frame: model.predict_proba(encoder(frame))[:, 1] >= 0.5


def rows_of(selected, moved):
    """The drawn customers' rows as the run saw them: moved ones in the new contract."""
    frame = by_customer.loc[selected["customer"].to_numpy()].reset_index()
    if moved:
        frame.loc[selected["moved"].to_numpy() == 1, "contract"] = NEW
    return frame


judged = draws[draws["step"] >= FULL_FROM].reset_index(drop=True)
label = (rows_of(judged, False)["churn"] == "Yes").to_numpy(int)
as_drawn, as_moved = rows_of(judged, False), rows_of(judged, True)
windows = {s: rows_of(draws[(draws["step"] >= s - 3) & (draws["step"] <= s)], True) for s in range(8, 29, 4)}
pool = len(data) - half
n = len(judged)
distinct = pool * -math.expm1(n * math.log1p(-1.0 / pool))
share = min(1.0, distinct / n)


def paired(before, after):
    return check(before, after, label, share)


def trial(pick):
    """The three runs' answers with every model fitted on pick(rows) of its training rows, and their comparisons."""
    reference_model = fit(pick(reference))
    unchanged = reference_model(as_drawn).astype(int)
    changed = reference_model(as_moved).astype(int)
    retrained = np.zeros(n, int)
    for s, window in windows.items():
        serves = ((judged["step"] > s) & (judged["step"] <= s + 4)).to_numpy()
        retrained[serves] = fit(pick(window))(as_moved[serves])
    fall, fixes, helps = paired(unchanged, changed), paired(unchanged, retrained), paired(changed, retrained)
    outcome = rule(fixes, helps)
    return {"unchanged": fall["before"], "changed": fall["after"], "retrained": helps["after"], "fall": fall,
            "from_unchanged": fixes, "from_changed": helps, "outcome": outcome}


whole = trial(lambda rows: rows)
rng = np.random.default_rng(7)
trials = [trial(lambda rows: rows.iloc[np.sort(rng.permutation(len(rows))[:round(0.8 * len(rows))])])
          for _ in range(SUBSETS)]


def spread(values):
    return {"low": float(np.percentile(values, 2.5)), "high": float(np.percentile(values, 97.5))}


expected = {
    "draws": n, "different_share": share, "whole": whole, "subsets": SUBSETS,
    "spread": {
        "unchanged": spread([t["unchanged"] for t in trials]),
        "changed": spread([t["changed"] for t in trials]),
        "retrained": spread([t["retrained"] for t in trials]),
        "regained": spread([t["retrained"] - t["changed"] for t in trials]),
    },
    "share_fixes": float(np.mean([t["outcome"] == "FIXES" for t in trials])),
    "share_retrained_better": float(np.mean([t["from_changed"]["better"] for t in trials])),
    "share_fall_worse": float(np.mean([t["fall"]["worse"] for t in trials])),
}
with open(OUT + "expected.json", "w") as out:
    json.dump(expected, out, indent=2)
    out.write("\n")
print(json.dumps(expected, indent=2))
