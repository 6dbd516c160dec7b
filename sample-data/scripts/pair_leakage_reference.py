"""Reference figures for PairLeakageTest: R² of least-squares lines of two features (scikit-learn's LinearRegression
with an intercept), on the amounts or, for products, on the logarithms of the rows where the three are positive.
Run: /usr/bin/python3 sample-data/scripts/pair_leakage_reference.py (from the repository's root)."""
import itertools

import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression

R = "src/test/resources/rdata/"


def r2(frame, a, b, target, logs=False):
    s = frame[[a, b, target]].dropna()
    if logs:
        s = np.log(s[(s > 0).all(axis=1)])
    return LinearRegression().fit(s[[a, b]], s[target]).score(s[[a, b]], s[target])


cars = pd.read_csv(R + "cars93.csv")
print("cars93 Price ~ Min.Price + Max.Price: R2 = %.6f" % r2(cars, "Min.Price", "Max.Price", "Price"))
print("cars93 Price ~ Max.Price alone: R2 = %.6f" % cars[["Max.Price", "Price"]].corr().iloc[0, 1] ** 2)
print("cars93 Price ~ Min.Price alone: R2 = %.6f" % cars[["Min.Price", "Price"]].corr().iloc[0, 1] ** 2)
churn = pd.read_csv(R + "wa_churn_random.csv")
print("wa_churn_random log total_charges ~ log tenure + log monthly_charges: R2 = %.6f"
      % r2(churn, "tenure", "monthly_charges", "total_charges", logs=True))
# AER's CreditCard: share is the monthly expenditure over the yearly income (1,002 of 1,319 spent something).
card = pd.read_csv(R + "creditcard.csv")
print("creditcard log expenditure ~ log income + log share: R2 = %.6f (%d positive rows)"
      % (r2(card, "income", "share", "expenditure", logs=True), (card["expenditure"] > 0).sum()))
# Every pair of other real amounts stays under 0.995, on the amounts and on their logarithms.
for name, target in [("diamonds", "price"), ("salaries", "salary"), ("chicago", "ridership"), ("credit", "Amount"),
                     ("usarrests", "Murder")]:
    d = pd.read_csv(R + name + ".csv")
    numeric = [c for c in d.columns if c != target and pd.api.types.is_numeric_dtype(d[c])]
    best = max(max(r2(d, a, b, target), r2(d, a, b, target, logs=True) if len(
        d[[a, b, target]].dropna().pipe(lambda s: s[(s > 0).all(axis=1)])) >= 20 else 0)
        for a, b in itertools.combinations(numeric, 2))
    print("%s %s: highest pair R2 = %.6f" % (name, target, best))
