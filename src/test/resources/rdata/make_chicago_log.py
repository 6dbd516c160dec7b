"""A production log of modeldata's Chicago ridership (chicago-log.csv): each day of chicago.csv (make_data.sh) with
the prediction of a random forest trained on the days before 2010, as a user makes one:

    twinbench train --data <chicago.csv's rows before 2010-01-01> --target ridership --algo random-forest --out rf.twinmodel
    twinbench score --data chicago.csv --model rf.twinmodel --out scored.csv   (its prediction column kept as predicted)

Replayed by quarter from 2010 (27 quarters, 2 at each end), the answer the verdict must give, computed with pandas:
the pooled RMSE and MAE of the first and last two quarters, and the rise of each. Run with /usr/bin/python3 from this
folder; writes chicago-log.json."""
import json
import numpy as np
import pandas as pd

log = pd.read_csv("chicago-log.csv")
replayed = log[log.date >= "2010-01-01"].copy()
replayed["quarter"] = pd.to_datetime(replayed.date).dt.to_period("Q")
quarters = sorted(replayed.quarter.unique())
error = replayed.ridership - replayed.predicted
out = {"quarters": len(quarters)}
for name, span in (("first", quarters[:2]), ("last", quarters[-2:])):
    e = error[replayed.quarter.isin(span)]
    out[name] = {"rows": int(len(e)), "rmse": float(np.sqrt((e ** 2).mean())), "mae": float(e.abs().mean())}
out["rmse_rise"] = out["last"]["rmse"] / out["first"]["rmse"] - 1
out["mae_rise"] = out["last"]["mae"] / out["first"]["mae"] - 1
json.dump(out, open("chicago-log.json", "w"), indent=1)
print(out)
