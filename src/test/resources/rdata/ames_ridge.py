"""Reference for AmesYearMonthReplayTest: scikit-learn's Ridge(alpha=1) on Ames sales before 2008 (the reference of a
replay by Year_Sold and Mo_Sold), features standardised by their mean and population sd after one-hot encoding (as
Smile's RidgeRegression standardises, docs/tasks.md), and the mean absolute error of each quarter from 2008 on.
Run: /usr/bin/python3 ames_ridge.py (from this folder)."""
import json
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge

d = pd.read_csv("ames.csv")
num = ["Year_Built", "Lot_Area", "Gr_Liv_Area"]
cat = ["Neighborhood", "Bldg_Type"]
ref = d[d.Year_Sold < 2008]
prod = d[d.Year_Sold >= 2008].copy()
levels = {c: sorted(ref[c].unique()) for c in cat}


def enc(df):
    cols = [df[c].astype(float) for c in num]
    for c in cat:
        for level in levels[c]:
            cols.append((df[c] == level).astype(float))
    return np.column_stack(cols)


a = enc(ref)
centre, spread = a.mean(0), a.std(0)
model = Ridge(alpha=1.0).fit((a - centre) / spread, ref.Sale_Price.to_numpy(float))
prod["quarter"] = (prod.Year_Sold - 2008) * 4 + (prod.Mo_Sold - 1) // 3
prod["ae"] = np.abs(model.predict((enc(prod) - centre) / spread) - prod.Sale_Price)
g = prod.groupby("quarter").ae.agg(["size", "mean"])
print(json.dumps({"rows": g["size"].tolist(), "mae": g["mean"].tolist()}))
