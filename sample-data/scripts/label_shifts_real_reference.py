#!/usr/bin/python3
"""Known answers for the prior shift and the backdoor of multiclass and regression models on real public data:
scikit-learn's wine set (wine-replay.csv, 178 rows, 3 cultivars) and diabetes set (diabetes-replay.csv, 442 rows)
of src/test/resources/tasks/engine. With pandas: each cultivar's share, row count and the mean and standard
deviation (ddof=1) of its `alcohol` (a prior shift keeps P(x | class), so the shifted rows of a class keep its
mean); diabetes' `target` mean and standard deviation (ddof=0, the engine's reference deviation).
Writes src/test/resources/tasks/engine/label-shifts-real-expected.json.
Run from the repository root:  /usr/bin/python3 sample-data/scripts/label_shifts_real_reference.py
"""
import json

import pandas as pd

ENGINE = "src/test/resources/tasks/engine/"


def main():
    wine = pd.read_csv(ENGINE + "wine-replay.csv")
    groups = wine.groupby("cultivar")["alcohol"]
    out = {"wine": {c: {"n": int(len(v)), "share": len(v) / len(wine), "alcohol_mean": float(v.mean()),
                        "alcohol_sd": float(v.std(ddof=1))} for c, v in groups}}
    diabetes = pd.read_csv(ENGINE + "diabetes-replay.csv")
    out["diabetes"] = {"n": int(len(diabetes)), "target_mean": float(diabetes["target"].mean()),
                       "target_sd": float(diabetes["target"].std(ddof=0))}
    with open(ENGINE + "label-shifts-real-expected.json", "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
