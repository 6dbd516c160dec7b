#!/usr/bin/python3
"""Direct loss estimation (DLE) as NannyML defines it, computed with scikit-learn on scikit-learn's diabetes set, for
sim/monitor/DleDefinitionTest.

NannyML (github.com/NannyML/nannyml, nannyml/performance_estimation/direct_loss_estimation/metrics.py, classes MAE
and RMSE): `_fit` drops the reference rows without a target or a prediction, takes the observation-level loss
abs(y_true - y_pred) (MAE) or np.square(y_true - y_pred) (RMSE), and trains a second model (an LGBMRegressor) on
reference_data[feature_column_names + [y_pred]] to predict it; `_estimate` predicts the loss of every row of a
chunk, clips it with np.maximum(0, ...), and gives np.mean(...) (MAE) or np.sqrt(np.mean(...)) (RMSE).

Here both the monitored model and the two loss models are scikit-learn's Ridge(alpha=1) on columns standardised by
their mean and population sd (what TwinBench's `linear` algorithm is: Smile's RidgeRegression, docs/tasks.md), so
that TwinBench's estimator, given the same learner, must give these numbers exactly.

Data: sample-data/public/diabetes.csv (load_diabetes(scaled=False): 442 patients, 10 features, target = disease
progression one year later). Reference: rows 0..241; the monitored model is fitted there. Chunks: rows 242..291,
292..341, 342..391, 392..441 (file order); "heavy": the rows from 242 on with bmi >= 30 (a covariate shift); "bp
halved": rows 242..441 with bp halved (a unit bug; the monitored model predicts from the halved bp), where the loss
models extrapolate and predict a negative squared error for some rows, which the estimate clips at 0.

Prints per chunk: rows, the DLE estimates of MAE and RMSE, how many predicted losses were clipped at 0, and the
realised MAE and RMSE (scikit-learn's mean_absolute_error, sqrt of mean_squared_error).

Run from the repository root:  /usr/bin/python3 sample-data/scripts/dle_diabetes_reference.py
"""
import json

import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error

REFERENCE = 242

data = pd.read_csv("sample-data/public/diabetes.csv")
features = [c for c in data.columns if c != "target"]


def ridge(x, y):
    mean, sd = x.mean(axis=0), x.std(axis=0)
    model = Ridge(alpha=1.0).fit((x - mean) / sd, y)
    return lambda z: model.predict((z - mean) / sd)


reference = data.iloc[:REFERENCE]
monitored = ridge(reference[features].to_numpy(float), reference["target"].to_numpy(float))
data["prediction"] = monitored(data[features].to_numpy(float))
reference = data.iloc[:REFERENCE]
inputs = features + ["prediction"]
error = reference["target"] - reference["prediction"]
absolute = ridge(reference[inputs].to_numpy(float), np.abs(error).to_numpy())
squared = ridge(reference[inputs].to_numpy(float), np.square(error).to_numpy())

production = data.iloc[REFERENCE:]
halved = production.copy()
halved["bp"] = halved["bp"] * 0.5
halved["prediction"] = monitored(halved[features].to_numpy(float))
chunks = {"rows 242-291": data.iloc[242:292], "rows 292-341": data.iloc[292:342],
          "rows 342-391": data.iloc[342:392], "rows 392-441": data.iloc[392:442],
          "heavy": production[production["bmi"] >= 30], "bp halved": halved}
out = {}
for name, chunk in chunks.items():
    x = chunk[inputs].to_numpy(float)
    abs_losses, sq_losses = absolute(x), squared(x)
    out[name] = {
        "rows": int(len(chunk)),
        "estimated_mae": float(np.mean(np.maximum(0, abs_losses))),
        "estimated_rmse": float(np.sqrt(np.mean(np.maximum(0, sq_losses)))),
        "clipped_absolute": int(np.sum(abs_losses < 0)),
        "clipped_squared": int(np.sum(sq_losses < 0)),
        "realised_mae": mean_absolute_error(chunk["target"], chunk["prediction"]),
        "realised_rmse": float(np.sqrt(mean_squared_error(chunk["target"], chunk["prediction"]))),
    }
print(json.dumps(out, indent=1))
