#!/usr/bin/python3
"""A multiclass champion, a change that hurts it, and a challenger retrained on recent labelled rows, by scikit-learn,
for sim/policy/MulticlassPromoteTest.

Data: sample-data/public/wine.csv (UCI wine as scikit-learn's load_wine has it: 178 wines, 13 measurements, cultivar
class_0/1/2), shuffled by numpy's RandomState(5).permutation and numbered `row` 0..177 in that order, written as
src/test/resources/sim/challenger-wine/wine-replay.csv. The run replays rows 106..177 in order, 12 a step (6 steps);
its change, perturbation.covariate-shift on proline with scale 4 (the figure arrives four times as large, as from a
lab that changed units), acts from the first step.

Models: scikit-learn's LogisticRegression(C=1, lbfgs, multinomial) on the features standardised by the training
rows' mean and population sd,
    champion                 fitted on rows 0..71, unchanged;
    challenger               fitted on the recent labelled rows 72..105 with proline four times as large (the change
                             already in them);
    challenger-unchanged     fitted on rows 72..105 as they are (a retrained model where nothing changed).
Each is written as an ONNX graph in double precision, so that ONNX Runtime computes what scikit-learn does: input "x"
double [N, 13] (the sidecar names its columns), Sub(mean) -> Div(sd) -> MatMul(coef^T) -> Add(intercept) -> Softmax
-> "probabilities" double [N, 3], and a sidecar naming the classes, the task and the target.

answers.csv: per replayed row, the class each model answers (scikit-learn's predict) on the unchanged and the changed
row, and the label. expected.json: per step, scikit-learn's accuracy_score and f1_score(average="macro") of each
model on the step's rows, unchanged and changed; the smallest gap between a row's two largest logits (how far every
answer is from a tie).

Run from the repository root:  /usr/bin/python3 sample-data/scripts/wine_challenger_reference.py
"""
import json

import numpy as np
import onnx
import pandas as pd
from onnx import TensorProto, helper, numpy_helper
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

OUT = "src/test/resources/sim/challenger-wine/"
REFERENCE_END, RECENT_END, BATCH = 72, 106, 12
COLUMN, SCALE = "proline", 4.0

data = pd.read_csv("sample-data/public/wine.csv")
features = [c for c in data.columns if c != "cultivar"]
classes = sorted(data["cultivar"].unique())
data = data.iloc[np.random.RandomState(5).permutation(len(data))].reset_index(drop=True)
data.insert(0, "row", np.arange(len(data)))
data.to_csv(OUT + "wine-replay.csv", index=False, float_format="%.10g")
data = pd.read_csv(OUT + "wine-replay.csv")


def changed(rows):
    rows = rows.copy()
    rows[COLUMN] = rows[COLUMN] * SCALE
    return rows


def fit(name, rows):
    x = rows[features].to_numpy(float)
    mean, sd = x.mean(axis=0), x.std(axis=0)
    model = LogisticRegression(C=1.0, max_iter=10000).fit((x - mean) / sd, rows["cultivar"])
    assert list(model.classes_) == classes
    nodes = [helper.make_node("Sub", ["x", "mean"], ["centred"]),
             helper.make_node("Div", ["centred", "sd"], ["scaled"]),
             helper.make_node("MatMul", ["scaled", "coef"], ["product"]),
             helper.make_node("Add", ["product", "intercept"], ["logits"]),
             helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1)]
    initializers = [numpy_helper.from_array(mean, "mean"), numpy_helper.from_array(sd, "sd"),
                    numpy_helper.from_array(model.coef_.T.copy(), "coef"),
                    numpy_helper.from_array(model.intercept_, "intercept")]
    graph = helper.make_graph(nodes, name, [helper.make_tensor_value_info("x", TensorProto.DOUBLE, [None, 13])],
                              [helper.make_tensor_value_info("probabilities", TensorProto.DOUBLE, [None, 3])],
                              initializers)
    onnx_model = helper.make_model(graph, producer_name="twinbench wine_challenger_reference.py",
                                   opset_imports=[helper.make_opsetid("", 15)])
    onnx_model.ir_version = 8
    onnx.checker.check_model(onnx_model)
    onnx.save(onnx_model, OUT + name + ".onnx")
    with open(OUT + name + ".onnx.json", "w", encoding="utf-8") as f:
        json.dump({"format": "twinbench.onnx-mapping", "version": 1, "target": "cultivar", "task": "multiclass",
                   "classes": classes, "output": "probabilities", "inputs": {"x": features}}, f, indent=2)
        f.write("\n")

    def answer(frame):
        z = (frame[features].to_numpy(float) - mean) / sd
        logits = np.sort(model.decision_function(z), axis=1)
        gap = float(np.min(logits[:, -1] - logits[:, -2]))
        return model.predict(z), gap
    return answer


models = {"champion": fit("champion", data.iloc[:REFERENCE_END]),
          "challenger": fit("challenger", changed(data.iloc[REFERENCE_END:RECENT_END])),
          "challenger-unchanged": fit("challenger-unchanged", data.iloc[REFERENCE_END:RECENT_END])}
replay = data.iloc[RECENT_END:].reset_index(drop=True)
answers = pd.DataFrame({"row": replay["row"]})
smallest_gap = np.inf
for name, model in models.items():
    for kind, rows in (("unchanged", replay), ("changed", changed(replay))):
        answers[name + "_" + kind], gap = model(rows)
        smallest_gap = min(smallest_gap, gap)
answers["cultivar"] = replay["cultivar"]
answers.to_csv(OUT + "answers.csv", index=False)

expected = {"smallest_logit_gap": smallest_gap, "steps": []}
for start in range(0, len(replay), BATCH):
    step = answers.iloc[start:start + BATCH]
    figures = {"rows": step["row"].tolist()}
    for column in answers.columns[1:-1]:
        figures[column] = {"accuracy": accuracy_score(step["cultivar"], step[column]),
                           "macro_f1": f1_score(step["cultivar"], step[column], average="macro")}
    expected["steps"].append(figures)
for column in answers.columns[1:-1]:
    expected[column] = {"accuracy": accuracy_score(answers["cultivar"], answers[column]),
                        "macro_f1": f1_score(answers["cultivar"], answers[column], average="macro")}
with open(OUT + "expected.json", "w", encoding="utf-8") as f:
    json.dump(expected, f, indent=1)
    f.write("\n")
print(json.dumps({k: v for k, v in expected.items() if k != "steps"}, indent=1))
