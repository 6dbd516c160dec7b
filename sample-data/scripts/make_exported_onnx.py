#!/usr/bin/python3
"""Writes ONNX models laid out as scikit-learn's and LightGBM/XGBoost's exporters (skl2onnx,
onnxmltools) write them, fitted with scikit-learn on real data, plus the outputs ONNX Runtime gives for
them: the test resources of OnnxExportedModelsTest (src/test/resources/onnx-exported/).

skl2onnx and onnxmltools are neither Debian packages nor on the local package index, so the graphs are
built with onnx.helper node by node as the exporters build them (read from github.com/onnx/sklearn-onnx:
operator_converters/linear_classifier.py, random_forest.py, linear_regressor.py, one_hot_encoder.py,
zip_map.py, common/tree_ensemble.py, _parse.py):

  breast-cancer-logistic  binary; one float input "float_input" [N, 30]; Scaler -> LinearClassifier
                          (LOGISTIC, coefficients [-w, w]) -> "output_label" int64 [N] and ZipMap ->
                          "output_probability" seq(map(int64, float)); sidecar maps the 30 columns
  breast-cancer-forest    binary, string classes; "input" [N, 30] (onnxmltools' names);
                          TreeEnsembleClassifier -> "label" string [N], ZipMap -> "probabilities"
                          seq(map(string, float))
  wine-forest             multiclass, string classes (class_0 …); TreeEnsembleClassifier -> ZipMap
  iris-logistic           multiclass, classes 0, 1, 2; one float input [N, 1] per column, named as the
                          column; Concat -> LinearClassifier (SOFTMAX) -> Normalizer (L1) ->
                          "output_probability" float [N, 3] (skl2onnx's zipmap=False); sidecar
                          "classes" names the species of the data
  diabetes-linear         regression; one double input "double_input" [N, 10]; MatMul + Add + Reshape
                          in double (skl2onnx's path for doubles) -> "variable" double [N, 1]
  diabetes-flat           regression; inputs of shape [N] (double bmi, bp; int64 sex), output "variable"
                          double [N]; no sidecar
  diabetes-forest         regression; one float input per column; Concat -> TreeEnsembleRegressor ->
                          "variable" float [N, 1]; no sidecar at all
  loans-pipeline          binary, classes "no"/"yes"; a ColumnTransformer pipeline with one input per
                          column: float (income … with missing values) -> Concat -> Imputer -> Scaler;
                          int64 age -> Scaler; int64 term_months and string employment_type, region
                          (missing as "") -> OneHotEncoder -> Concat -> Reshape; Concat ->
                          LinearClassifier -> ZipMap (string keys)
  unreadable              uint8 input, boolean output: what TwinBench refuses, naming both
  breast-cancer-labels    binary, label output only (skl2onnx's options={"nocl": False} with the
                          probability output dropped, as a deployment that serves labels exports it):
                          Scaler -> LinearClassifier -> Cast -> "output_label" int64 [N]; sidecar names
                          the classes 0, 1 as benign, malignant
  wine-labels             multiclass, string labels only: TreeEnsembleClassifier -> "label" string [N]
  diabetes-typed          regression on int32 and bool inputs: "age" float [N, 1], "sex" int32 [N, 1],
                          "high_bp" bool [N, 1] (bp > 100, written true/false in diabetes-typed.csv) ->
                          Cast -> Concat -> LinearRegressor -> "predicted_progression" float [N, 1]; no
                          sidecar: the LinearRegressor node makes it a regression
  diabetes-ambiguous      MatMul + Add -> "score" float [N, 1], no classifier or regressor node and no
                          sidecar: amounts or one probability? TwinBench refuses it and asks for "task"

For each model the script writes MODEL.onnx, MODEL.onnx.json (where the model needs one) and
MODEL-expected.csv: per data row the class probabilities (p_<class>, in the model's class order) and
the label, or the predicted amount (variable). The values are ONNX Runtime's when Python's onnxruntime
can be imported (it is on the local package index: pip install onnxruntime into a venv made with
--system-site-packages), else scikit-learn's predict_proba / predict, which the graphs reproduce; the
script prints which, and how far ONNX Runtime is from scikit-learn.

Run from the repository root:  /usr/bin/python3 sample-data/scripts/make_exported_onnx.py
"""
import json
import os

import numpy as np
import onnx
import pandas as pd
from onnx import TensorProto, helper
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.linear_model import LinearRegression, LogisticRegression

try:
    import onnxruntime
except ImportError:
    onnxruntime = None

OUT = "src/test/resources/onnx-exported/"
OPSETS = [helper.make_opsetid("", 15), helper.make_opsetid("ai.onnx.ml", 3)]
ML = "ai.onnx.ml"


def save(name, nodes, inputs, outputs, initializers=()):
    graph = helper.make_graph(nodes, name, inputs, outputs, list(initializers))
    model = helper.make_model(graph, producer_name="skl2onnx-layout (twinbench make_exported_onnx.py)",
                              opset_imports=OPSETS)
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, OUT + name + ".onnx")
    return model


def sidecar(name, **fields):
    with open(OUT + name + ".onnx.json", "w", encoding="utf-8") as f:
        json.dump({"format": "twinbench.onnx-mapping", "version": 1, **fields}, f, indent=2)
        f.write("\n")


def tensor(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


def zipmap_type(name, key):
    """seq(map(key, tensor(float))), ZipMap's output type (onnx 1.12's helper has no make_map_type_proto)."""
    entry = onnx.TypeProto()
    entry.map_type.key_type = key
    entry.map_type.value_type.tensor_type.elem_type = TensorProto.FLOAT
    return helper.make_value_info(name, helper.make_sequence_type_proto(entry))


def run(name, feeds):
    """ONNX Runtime's outputs by name, or None without onnxruntime."""
    if onnxruntime is None:
        return None
    session = onnxruntime.InferenceSession(OUT + name + ".onnx", providers=["CPUExecutionProvider"])
    names = [o.name for o in session.get_outputs()]
    return dict(zip(names, session.run(None, feeds)))


def probabilities_of(value, classes):
    """A probability output as an array [N, C] in the order of `classes` (a ZipMap: a list of dicts)."""
    if isinstance(value, list):
        return np.array([[row[c] for c in classes] for row in value], dtype=np.float64)
    return np.asarray(value, dtype=np.float64)


def record(name, classes, sklearn_values, ort, prob_output=None, label_output=None, value_output=None,
           data_labels=None):
    """Writes MODEL-expected.csv and prints how far ONNX Runtime is from scikit-learn."""
    frame = pd.DataFrame()
    if classes is None:
        values = sklearn_values if ort is None else np.asarray(ort[value_output], dtype=np.float64).reshape(-1)
        gap = np.max(np.abs(values - sklearn_values) / np.maximum(1, np.abs(sklearn_values)))
        frame["variable"] = values
    else:
        values = sklearn_values if ort is None else probabilities_of(ort[prob_output], classes)
        gap = np.max(np.abs(values - sklearn_values))
        shown = data_labels or [str(c) for c in classes]
        for j, c in enumerate(shown):
            frame["p_" + c] = values[:, j]
        if ort is not None:
            frame["label"] = [str(v) for v in np.asarray(ort[label_output]).reshape(-1)]
    frame.to_csv(OUT + name + "-expected.csv", index=False, float_format="%.17g")
    source = "scikit-learn (no onnxruntime)" if ort is None else "ONNX Runtime " + onnxruntime.__version__
    print(f"{name}: {len(frame)} rows from {source}; largest gap to scikit-learn {gap:.2e}"
          + ("" if ort is None else " (relative)" if classes is None else ""))
    if gap > 1e-4:
        raise SystemExit(f"{name}: ONNX Runtime and scikit-learn differ by {gap}")


# --- pieces as skl2onnx writes them -----------------------------------------------------------------

def sklearn_threshold(dy):
    """skl2onnx's common/tree_ensemble.sklearn_threshold for float inputs: the float w with
    (float)x <= dy  <=>  (float)x <= w, scikit-learn comparing float32 features to double thresholds."""
    fy = np.float32(dy)
    if fy == dy or fy < dy:
        return float(fy)
    eps = max(abs(fy), np.finfo(np.float32).eps) * 10
    return float(np.nextafter(np.float32(fy), np.float32(fy - eps)))


def tree_attributes(estimators, classifier, n_classes):
    """add_tree_to_attribute_pairs for every tree, weights 1/len(estimators)."""
    attrs = {k: [] for k in ["nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_modes", "nodes_values",
                             "nodes_truenodeids", "nodes_falsenodeids", "nodes_missing_value_tracks_true",
                             "nodes_hitrates"]}
    prefix = "class" if classifier else "target"
    for k in ["treeids", "nodeids", "ids", "weights"]:
        attrs[f"{prefix}_{k}"] = []
    weight = 1.0 / len(estimators)
    for tree_id, estimator in enumerate(estimators):
        tree = estimator.tree_
        for i in range(tree.node_count):
            leaf = not (tree.children_left[i] > i or tree.children_right[i] > i)
            attrs["nodes_treeids"].append(tree_id)
            attrs["nodes_nodeids"].append(i)
            attrs["nodes_featureids"].append(0 if leaf else int(tree.feature[i]))
            attrs["nodes_modes"].append("LEAF" if leaf else "BRANCH_LEQ")
            attrs["nodes_values"].append(0.0 if leaf else sklearn_threshold(tree.threshold[i]))
            attrs["nodes_truenodeids"].append(0 if leaf else int(tree.children_left[i]))
            attrs["nodes_falsenodeids"].append(0 if leaf else int(tree.children_right[i]))
            attrs["nodes_missing_value_tracks_true"].append(0)
            attrs["nodes_hitrates"].append(1.0)
            if leaf:
                weights = tree.value[i].flatten()
                factor = weight
                if classifier:
                    total = weights.sum()
                    factor /= float(total) if total != 0 else 1.0
                weights = [w * factor for w in weights]
                if classifier and n_classes == 2:
                    weights = [weights[1]]
                for j, w in enumerate(weights):
                    attrs[f"{prefix}_treeids"].append(tree_id)
                    attrs[f"{prefix}_nodeids"].append(i)
                    attrs[f"{prefix}_ids"].append(j)
                    attrs[f"{prefix}_weights"].append(float(np.float32(w)))
    return attrs


def class_labels(classes):
    if all(isinstance(c, str) for c in classes):
        return "strings", [str(c) for c in classes]
    return "ints", [int(c) for c in classes]


def linear_classifier(model, x, label, probabilities):
    """convert_sklearn_linear_classifier (LinearClassifier op) for a fitted LogisticRegression."""
    kind, labels = class_labels(list(model.classes_))
    coefficients = model.coef_.flatten().astype(float).tolist()
    intercepts = model.intercept_.astype(float).tolist()
    binary = len(labels) == 2
    if binary:
        coefficients = [-c for c in coefficients] + coefficients
        intercepts = [-b for b in intercepts] + intercepts
    attrs = {"coefficients": coefficients, "intercepts": intercepts, "multi_class": 0 if binary else 1,
             "post_transform": "LOGISTIC" if binary else "SOFTMAX",
             ("classlabels_strings" if kind == "strings" else "classlabels_ints"): labels}
    if binary:
        return [helper.make_node("LinearClassifier", [x], [label, probabilities], domain=ML, **attrs)]
    # multinomial: skl2onnx normalises the probabilities (L1) after the classifier
    return [helper.make_node("LinearClassifier", [x], [label, probabilities + "_tensor"], domain=ML, **attrs),
            helper.make_node("Normalizer", [probabilities + "_tensor"], [probabilities], domain=ML, norm="L1")]


def classifier_outputs(labels, label_name, probability_name, zipmap=True):
    """The exporter's tail: the label (Cast to int64 or Identity for strings) and a ZipMap (or the tensor)."""
    kind, values = class_labels(labels)
    nodes = [helper.make_node("Identity" if kind == "strings" else "Cast", ["label_tensor"], [label_name],
                              **({} if kind == "strings" else {"to": TensorProto.INT64}))]
    key = TensorProto.STRING if kind == "strings" else TensorProto.INT64
    outputs = [tensor(label_name, key, [None])]
    if zipmap:
        nodes.append(helper.make_node("ZipMap", ["probability_tensor"], [probability_name], domain=ML,
                                      **{("classlabels_strings" if kind == "strings" else "classlabels_int64s"): values}))
        outputs.append(zipmap_type(probability_name, key))
    else:
        nodes.append(helper.make_node("Identity", ["probability_tensor"], [probability_name]))
        outputs.append(tensor(probability_name, TensorProto.FLOAT, [None, len(values)]))
    return nodes, outputs


def forest_classifier(name, forest, x32, columns, target, input_name, label_name, probability_name):
    """A RandomForestClassifier on text labels: one float input of every column -> TreeEnsembleClassifier ->
    label and ZipMap; its sidecar maps the input to the columns; records the outputs on every row."""
    classes = list(forest.classes_)
    nodes = [helper.make_node("TreeEnsembleClassifier", [input_name], ["label_tensor", "probability_tensor"],
                              domain=ML, classlabels_strings=classes, post_transform="NONE",
                              **tree_attributes(forest.estimators_, True, len(classes)))]
    tail, outputs = classifier_outputs(classes, label_name, probability_name)
    save(name, nodes + tail, [tensor(input_name, TensorProto.FLOAT, [None, len(columns)])], outputs)
    sidecar(name, target=target, inputs={input_name: columns})
    record(name, classes, forest.predict_proba(x32), run(name, {input_name: x32}), probability_name, label_name)


def concat_columns(columns, out):
    return helper.make_node("Concat", columns, [out], axis=1)


# --- the models ------------------------------------------------------------------------------------

def breast_cancer():
    data = load_breast_cancer(as_frame=True).frame
    data.columns = [c.replace(" ", "_") for c in data.columns]
    columns = [c for c in data.columns if c != "target"]
    data["diagnosis"] = np.where(data["target"] == 0, "malignant", "benign")
    data = data.drop(columns="target")
    data.to_csv(OUT + "breast-cancer.csv", index=False, float_format="%.10g")
    data = pd.read_csv(OUT + "breast-cancer.csv")
    x = data[columns].to_numpy()
    x32 = x.astype(np.float32)

    # Pipeline(StandardScaler, LogisticRegression), labels 1 = malignant, 0 = benign
    y = (data["diagnosis"] == "malignant").astype(int).to_numpy()
    mean, sd = x.mean(axis=0), x.std(axis=0)
    logistic = LogisticRegression(max_iter=5000).fit((x - mean) / sd, y)
    nodes = [helper.make_node("Scaler", ["float_input"], ["variable"], domain=ML, offset=mean.tolist(),
                              scale=(1 / sd).tolist())]
    nodes += linear_classifier(logistic, "variable", "label_tensor", "probability_tensor")
    tail, outputs = classifier_outputs([0, 1], "output_label", "output_probability")
    save("breast-cancer-logistic", nodes + tail, [tensor("float_input", TensorProto.FLOAT, [None, len(columns)])],
         outputs)
    sidecar("breast-cancer-logistic", target="diagnosis", positive_label="malignant", inputs={"float_input": columns})
    expected = logistic.predict_proba((x32.astype(np.float64) - mean) / sd)
    record("breast-cancer-logistic", [0, 1], expected, run("breast-cancer-logistic", {"float_input": x32}),
           "output_probability", "output_label")

    # RandomForestClassifier on the text labels, as onnxmltools names things ("input", "label", "probabilities")
    forest = RandomForestClassifier(n_estimators=12, max_depth=5, random_state=0).fit(x, data["diagnosis"])
    forest_classifier("breast-cancer-forest", forest, x32, columns, "diagnosis", "input", "label", "probabilities")

def wine():
    data = pd.read_csv("sample-data/public/wine.csv")
    columns = [c for c in data.columns if c != "cultivar"]
    x = data[columns].to_numpy()
    x32 = x.astype(np.float32)
    forest = RandomForestClassifier(n_estimators=15, max_depth=4, random_state=1).fit(x, data["cultivar"])
    forest_classifier("wine-forest", forest, x32, columns, "cultivar", "float_input", "output_label",
                      "output_probability")

def iris():
    raw = load_iris(as_frame=True)
    data = raw.frame
    columns = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
    data.columns = columns + ["target"]
    species = list(raw.target_names)
    data["species"] = [species[t] for t in data["target"]]
    data.drop(columns="target").to_csv(OUT + "iris.csv", index=False, float_format="%.10g")
    data = pd.read_csv(OUT + "iris.csv")
    x = data[columns].to_numpy()
    y = np.array([species.index(s) for s in data["species"]])
    logistic = LogisticRegression(max_iter=5000).fit(x, y)
    nodes = [concat_columns(columns, "merged_columns")]
    nodes += linear_classifier(logistic, "merged_columns", "label_tensor", "probability_tensor")
    tail, outputs = classifier_outputs([0, 1, 2], "output_label", "output_probability", zipmap=False)
    save("iris-logistic", nodes + tail, [tensor(c, TensorProto.FLOAT, [None, 1]) for c in columns], outputs)
    sidecar("iris-logistic", target="species", classes=species)
    feeds = {c: data[[c]].to_numpy().astype(np.float32) for c in columns}
    record("iris-logistic", [0, 1, 2], logistic.predict_proba(x.astype(np.float32).astype(np.float64)),
           run("iris-logistic", feeds), "output_probability", "output_label", data_labels=species)


def diabetes():
    data = pd.read_csv("sample-data/public/diabetes.csv")
    columns = [c for c in data.columns if c != "target"]
    x = data[columns].to_numpy()
    y = data["target"].to_numpy()

    linear = LinearRegression().fit(x, y)
    init = [helper.make_tensor("coef", TensorProto.DOUBLE, [len(columns), 1], linear.coef_.tolist()),
            helper.make_tensor("intercept", TensorProto.DOUBLE, [1], [float(linear.intercept_)]),
            helper.make_tensor("shape", TensorProto.INT64, [2], [-1, 1])]
    nodes = [helper.make_node("MatMul", ["double_input", "coef"], ["multiplied"]),
             helper.make_node("Add", ["multiplied", "intercept"], ["resh"]),
             helper.make_node("Reshape", ["resh", "shape"], ["variable"])]
    save("diabetes-linear", nodes, [tensor("double_input", TensorProto.DOUBLE, [None, len(columns)])],
         [tensor("variable", TensorProto.DOUBLE, [None, 1])], init)
    sidecar("diabetes-linear", target="target", inputs={"double_input": columns})
    record("diabetes-linear", None, linear.predict(x), run("diabetes-linear", {"double_input": x}),
           value_output="variable")

    # flat [N] inputs of three kinds and a flat [N] output: bmi and bp double, sex int64 (1 or 2)
    flat = ["bmi", "bp", "sex"]
    small = LinearRegression().fit(data[flat].to_numpy(), y)
    init = [helper.make_tensor("coef3", TensorProto.DOUBLE, [3, 1], small.coef_.tolist()),
            helper.make_tensor("intercept3", TensorProto.DOUBLE, [1], [float(small.intercept_)]),
            helper.make_tensor("column", TensorProto.INT64, [2], [-1, 1]),
            helper.make_tensor("flat", TensorProto.INT64, [1], [-1])]
    nodes = [helper.make_node("Cast", ["sex"], ["sex_double"], to=TensorProto.DOUBLE)]
    nodes += [helper.make_node("Reshape", [c, "column"], [c + "_column"]) for c in ["bmi", "bp", "sex_double"]]
    nodes += [helper.make_node("Concat", ["bmi_column", "bp_column", "sex_double_column"], ["merged"], axis=1),
              helper.make_node("MatMul", ["merged", "coef3"], ["multiplied"]),
              helper.make_node("Add", ["multiplied", "intercept3"], ["sum"]),
              helper.make_node("Reshape", ["sum", "flat"], ["variable"])]
    save("diabetes-flat", nodes, [tensor("bmi", TensorProto.DOUBLE, [None]), tensor("bp", TensorProto.DOUBLE, [None]),
                                  tensor("sex", TensorProto.INT64, [None])],
         [tensor("variable", TensorProto.DOUBLE, [None])], init)
    record("diabetes-flat", None, small.predict(data[flat].to_numpy()),
           run("diabetes-flat", {"bmi": data["bmi"].to_numpy(), "bp": data["bp"].to_numpy(),
                                 "sex": data["sex"].to_numpy().astype(np.int64)}), value_output="variable")

    forest = RandomForestRegressor(n_estimators=10, max_depth=4, random_state=2).fit(x, y)
    nodes = [concat_columns(columns, "merged_columns"),
             helper.make_node("TreeEnsembleRegressor", ["merged_columns"], ["variable"], domain=ML, n_targets=1,
                              post_transform="NONE", **tree_attributes(forest.estimators_, False, 1))]
    save("diabetes-forest", nodes, [tensor(c, TensorProto.FLOAT, [None, 1]) for c in columns],
         [tensor("variable", TensorProto.FLOAT, [None, 1])])
    feeds = {c: data[[c]].to_numpy().astype(np.float32) for c in columns}
    record("diabetes-forest", None, forest.predict(x.astype(np.float32)), run("diabetes-forest", feeds),
           value_output="variable")


def loans():
    data = pd.read_csv("sample-data/loans.csv", keep_default_na=False, na_values=[""])
    numbers = ["income", "debt_to_income", "credit_history_years", "loan_amount"]
    texts = ["employment_type", "region"]
    train = data.iloc[:4000]
    rows = data.iloc[:400]

    def prepared(frame):
        x = frame[numbers].to_numpy().astype(np.float32).astype(np.float64)
        filled = np.where(np.isnan(x), medians, x)
        parts = [(filled - means) / sds, ((frame["age"].to_numpy() - age_mean) / age_sd).reshape(-1, 1)]
        parts.append(np.stack([(frame["term_months"].to_numpy() == t).astype(float) for t in terms], axis=1))
        for column, levels in zip(texts, categories):
            cells = frame[column].fillna("").to_numpy()
            parts.append(np.stack([(cells == level).astype(float) for level in levels], axis=1))
        return np.concatenate(parts, axis=1)

    x_train = train[numbers].to_numpy().astype(np.float32).astype(np.float64)
    medians = np.nanmedian(x_train, axis=0)
    filled = np.where(np.isnan(x_train), medians, x_train)
    means, sds = filled.mean(axis=0), filled.std(axis=0)
    age_mean, age_sd = train["age"].mean(), train["age"].std(ddof=0)
    terms = sorted(train["term_months"].unique().tolist())
    categories = [sorted(train[c].fillna("").unique().tolist()) for c in texts]
    logistic = LogisticRegression(max_iter=5000).fit(prepared(train), train["defaulted"])
    classes = list(logistic.classes_)

    nodes = [concat_columns(numbers, "merged_columns"),
             helper.make_node("Imputer", ["merged_columns"], ["imputed"], domain=ML,
                              imputed_value_floats=medians.astype(np.float32).tolist(), replaced_value_float=np.nan),
             helper.make_node("Scaler", ["imputed"], ["num"], domain=ML, offset=means.tolist(),
                              scale=(1 / sds).tolist()),
             helper.make_node("Scaler", ["age"], ["age_scaled"], domain=ML, offset=[float(age_mean)],
                              scale=[float(1 / age_sd)]),
             helper.make_node("OneHotEncoder", ["term_months"], ["term_onehot"], domain=ML, cats_int64s=terms, zeros=1),
             helper.make_node("Reshape", ["term_onehot", "term_shape"], ["term"])]
    init = [helper.make_tensor("term_shape", TensorProto.INT64, [2], [-1, len(terms)]),
            helper.make_tensor("text_shape", TensorProto.INT64, [2], [-1, sum(len(c) for c in categories)])]
    for column, levels in zip(texts, categories):
        nodes.append(helper.make_node("OneHotEncoder", [column], [column + "_onehot"], domain=ML, cats_strings=levels,
                                      zeros=1))
    nodes += [helper.make_node("Concat", [c + "_onehot" for c in texts], ["text_concat"], axis=-1),
              helper.make_node("Reshape", ["text_concat", "text_shape"], ["text"]),
              helper.make_node("Concat", ["num", "age_scaled", "term", "text"], ["transformed"], axis=1)]
    nodes += linear_classifier(logistic, "transformed", "label_tensor", "probability_tensor")
    tail, outputs = classifier_outputs(classes, "output_label", "output_probability")
    inputs = [tensor(c, TensorProto.FLOAT, [None, 1]) for c in numbers]
    inputs += [tensor("age", TensorProto.INT64, [None, 1]), tensor("term_months", TensorProto.INT64, [None, 1])]
    inputs += [tensor(c, TensorProto.STRING, [None, 1]) for c in texts]
    save("loans-pipeline", nodes + tail, inputs, outputs, init)
    sidecar("loans-pipeline", target="defaulted")
    feeds = {c: rows[[c]].to_numpy().astype(np.float32) for c in numbers}
    feeds.update({c: rows[[c]].to_numpy().astype(np.int64) for c in ["age", "term_months"]})
    feeds.update({c: rows[[c]].fillna("").to_numpy().astype(object) for c in texts})
    record("loans-pipeline", classes, logistic.predict_proba(prepared(rows)), run("loans-pipeline", feeds),
           "output_probability", "output_label")


def unreadable():
    """A model TwinBench must refuse, saying what it has: a uint8 input and a boolean output."""
    nodes = [helper.make_node("Cast", ["code"], ["as_float"], to=TensorProto.FLOAT),
             helper.make_node("Greater", ["as_float", "zero"], ["flag"])]
    save("unreadable", nodes, [tensor("code", TensorProto.UINT8, [None, 1])], [tensor("flag", TensorProto.BOOL, [None, 1])],
         [helper.make_tensor("zero", TensorProto.FLOAT, [1], [0.0])])


def labels_only():
    """Classifiers whose only output is the label: binary int64 (breast cancer), multiclass string (wine)."""
    data = pd.read_csv(OUT + "breast-cancer.csv")
    columns = [c for c in data.columns if c != "diagnosis"]
    x = data[columns].to_numpy()
    x32 = x.astype(np.float32)
    y = (data["diagnosis"] == "malignant").astype(int).to_numpy()
    mean, sd = x.mean(axis=0), x.std(axis=0)
    logistic = LogisticRegression(max_iter=5000, C=0.05).fit((x - mean) / sd, y)
    nodes = [helper.make_node("Scaler", ["float_input"], ["variable"], domain=ML, offset=mean.tolist(),
                              scale=(1 / sd).tolist())]
    nodes += linear_classifier(logistic, "variable", "label_tensor", "probability_tensor")
    nodes.append(helper.make_node("Cast", ["label_tensor"], ["output_label"], to=TensorProto.INT64))
    name = "breast-cancer-labels"
    save(name, nodes, [tensor("float_input", TensorProto.FLOAT, [None, len(columns)])],
         [tensor("output_label", TensorProto.INT64, [None])])
    sidecar(name, target="diagnosis", positive_label="malignant", classes=["benign", "malignant"],
            inputs={"float_input": columns})
    record_labels(name, logistic.predict((x32.astype(np.float64) - mean) / sd), run(name, {"float_input": x32}),
                  "output_label")

    wine_data = pd.read_csv("sample-data/public/wine.csv")
    wine_columns = [c for c in wine_data.columns if c != "cultivar"]
    wx = wine_data[wine_columns].to_numpy()
    forest = RandomForestClassifier(n_estimators=15, max_depth=4, random_state=1).fit(wx, wine_data["cultivar"])
    classes = list(forest.classes_)
    nodes = [helper.make_node("TreeEnsembleClassifier", ["float_input"], ["label", "probability_tensor"],
                              domain=ML, classlabels_strings=classes, post_transform="NONE",
                              **tree_attributes(forest.estimators_, True, len(classes)))]
    name = "wine-labels"
    save(name, nodes, [tensor("float_input", TensorProto.FLOAT, [None, len(wine_columns)])],
         [tensor("label", TensorProto.STRING, [None])])
    sidecar(name, target="cultivar", inputs={"float_input": wine_columns})
    wx32 = wx.astype(np.float32)
    record_labels(name, forest.predict(wx32), run(name, {"float_input": wx32}), "label")


def record_labels(name, sklearn_labels, ort, output):
    """MODEL-expected.csv of a label-only model: ONNX Runtime's label per row, checked against scikit-learn's."""
    labels = [str(v) for v in (sklearn_labels if ort is None else np.asarray(ort[output]).reshape(-1))]
    disagree = sum(a != str(b) for a, b in zip(labels, sklearn_labels))
    pd.DataFrame({"label": labels}).to_csv(OUT + name + "-expected.csv", index=False)
    print(f"{name}: {len(labels)} labels; {disagree} differ from scikit-learn's predict")
    if disagree > 0:
        raise SystemExit(f"{name}: ONNX Runtime and scikit-learn disagree on {disagree} labels")


def typed_and_ambiguous():
    """A regression on int32 and bool inputs whose output is not 'variable'; one that does not say its task."""
    data = pd.read_csv("sample-data/public/diabetes.csv")
    typed = pd.DataFrame({"age": data["age"], "sex": data["sex"], "high_bp": np.where(data["bp"] > 100, "true", "false"),
                          "target": data["target"]})
    typed.to_csv(OUT + "diabetes-typed.csv", index=False)
    x = np.stack([typed["age"], typed["sex"], (typed["high_bp"] == "true").astype(float)], axis=1).astype(np.float32)
    y = typed["target"].to_numpy()
    linear = LinearRegression().fit(x.astype(np.float64), y)
    nodes = [helper.make_node("Cast", ["sex"], ["sex_float"], to=TensorProto.FLOAT),
             helper.make_node("Cast", ["high_bp"], ["high_bp_float"], to=TensorProto.FLOAT),
             concat_columns(["age", "sex_float", "high_bp_float"], "merged_columns"),
             helper.make_node("LinearRegressor", ["merged_columns"], ["predicted_progression"], domain=ML,
                              coefficients=linear.coef_.astype(float).tolist(),
                              intercepts=[float(linear.intercept_)])]
    name = "diabetes-typed"
    save(name, nodes, [tensor("age", TensorProto.FLOAT, [None, 1]), tensor("sex", TensorProto.INT32, [None, 1]),
                       tensor("high_bp", TensorProto.BOOL, [None, 1])],
         [tensor("predicted_progression", TensorProto.FLOAT, [None, 1])])
    feeds = {"age": x[:, [0]], "sex": typed[["sex"]].to_numpy().astype(np.int32),
             "high_bp": (typed[["high_bp"]].to_numpy() == "true")}
    record(name, None, linear.predict(x.astype(np.float64)), run(name, feeds), value_output="predicted_progression")

    columns = [c for c in data.columns if c != "target"]
    full = LinearRegression().fit(data[columns].to_numpy(), y)
    init = [helper.make_tensor("coef", TensorProto.FLOAT, [len(columns), 1], full.coef_.tolist()),
            helper.make_tensor("intercept", TensorProto.FLOAT, [1], [float(full.intercept_)])]
    nodes = [concat_columns(columns, "merged_columns"),
             helper.make_node("MatMul", ["merged_columns", "coef"], ["multiplied"]),
             helper.make_node("Add", ["multiplied", "intercept"], ["score"])]
    name = "diabetes-ambiguous"
    save(name, nodes, [tensor(c, TensorProto.FLOAT, [None, 1]) for c in columns],
         [tensor("score", TensorProto.FLOAT, [None, 1])], init)
    feeds = {c: data[[c]].to_numpy().astype(np.float32) for c in columns}
    record(name, None, full.predict(data[columns].to_numpy()), run(name, feeds), value_output="score")


MODELS = {"unreadable": unreadable, "breast-cancer": breast_cancer, "wine": wine, "iris": iris, "diabetes": diabetes,
          "loans": loans, "labels-only": labels_only, "typed": typed_and_ambiguous}


def main():
    """Writes every model, or only the groups named on the command line (e.g. labels-only typed)."""
    import sys
    os.makedirs(OUT, exist_ok=True)
    for name in sys.argv[1:] or MODELS:
        MODELS[name]()


if __name__ == "__main__":
    main()
