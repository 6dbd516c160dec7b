#!/usr/bin/python3
"""Known answers for `train`'s 95% intervals of a regression holdout's MAE and RMSE, on real public data.

Reads src/test/resources/tasks/diabetes-predictions.csv (142 rows of scikit-learn's diabetes set with a linear
model's predictions, made by task_metrics_reference.py) and writes src/test/resources/holdout/amount-intervals.json:
numpy's percentile bootstrap (np.percentile, linear rule) of mean_absolute_error and
sqrt(mean_squared_error) over 200,000 resamples of the rows with replacement (numpy's own generator, seed 0),
and the standard deviation of each bootstrap distribution. TwinBench draws 2,000 resamples with its own
generator, so its bounds may differ from these by Monte Carlo error only: about 0.06 bootstrap standard
deviations for a 2.5% quantile of 2,000 draws (HoldoutAmountIntervalsTest allows 4 of those).

Run from the repository root:
  /usr/bin/python3 sample-data/scripts/holdout_amounts_reference.py
"""
import json

import numpy as np
import pandas as pd
from sklearn import metrics

rows = pd.read_csv("src/test/resources/tasks/diabetes-predictions.csv")
y = rows["target"].to_numpy(float)
p = rows["prediction"].to_numpy(float)
rng = np.random.default_rng(0)
B = 200_000
mae = np.empty(B)
rmse = np.empty(B)
for start in range(0, B, 10_000):
    idx = rng.integers(0, len(y), size=(10_000, len(y)))
    e = y[idx] - p[idx]
    mae[start:start + 10_000] = np.abs(e).mean(axis=1)
    rmse[start:start + 10_000] = np.sqrt((e ** 2).mean(axis=1))
out = {"rows": len(y), "resamples": B,
       "mae": {"estimate": metrics.mean_absolute_error(y, p), "lower": float(np.percentile(mae, 2.5)),
               "upper": float(np.percentile(mae, 97.5)), "sd": float(mae.std())},
       "rmse": {"estimate": float(np.sqrt(metrics.mean_squared_error(y, p))), "lower": float(np.percentile(rmse, 2.5)),
                "upper": float(np.percentile(rmse, 97.5)), "sd": float(rmse.std())}}
with open("src/test/resources/holdout/amount-intervals.json", "w") as f:
    json.dump(out, f, indent=1, sort_keys=True)
    f.write("\n")
