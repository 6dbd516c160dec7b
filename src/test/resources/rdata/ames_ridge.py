"""Reference for AmesYearMonthReplayTest: scikit-learn's Ridge(alpha=1) on Ames sales before 2008 (the reference of a
replay by Year_Sold and Mo_Sold), features standardised by their mean and population sd after one-hot encoding (as
Smile's RidgeRegression standardises, docs/tasks.md), and the mean absolute error of each quarter from 2008 on.
Also ("file_order_half"): the same model trained on the first half of the file's rows (1,465, the reference of a
scenario made with "New scenario from this data") and its mean absolute error over the other half.
Run: /usr/bin/python3 ames_ridge.py (from this folder)."""
import json
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge

d = pd.read_csv("ames.csv")
num = ["Year_Built", "Lot_Area", "Gr_Liv_Area"]
cat = ["Neighborhood", "Bldg_Type"]


def enc(df):
    cols = [df[c].astype(float) for c in num]
    for c in cat:
        for level in levels[c]:
            cols.append((df[c] == level).astype(float))
    return np.column_stack(cols)


def fit(ref):
    a = enc(ref)
    centre, spread = a.mean(0), a.std(0)
    model = Ridge(alpha=1.0).fit((a - centre) / spread, ref.Sale_Price.to_numpy(float))
    return lambda df: model.predict((enc(df) - centre) / spread)


half = len(d) // 2
levels = {c: sorted(d.iloc[:half][c].unique()) for c in cat}
predict = fit(d.iloc[:half])
file_order_half = float(np.abs(predict(d.iloc[half:]) - d.iloc[half:].Sale_Price).mean())
ref = d[d.Year_Sold < 2008]
prod = d[d.Year_Sold >= 2008].copy()
levels = {c: sorted(ref[c].unique()) for c in cat}
predict = fit(ref)
prod["quarter"] = (prod.Year_Sold - 2008) * 4 + (prod.Mo_Sold - 1) // 3
prod["ae"] = np.abs(predict(prod) - prod.Sale_Price)
g = prod.groupby("quarter").ae.agg(["size", "mean"])
print(json.dumps({"rows": g["size"].tolist(), "mae": g["mean"].tolist(), "file_order_half": file_order_half}))
