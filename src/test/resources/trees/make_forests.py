"""Reference for CompiledTreesSklearnTest: scikit-learn's RandomForestClassifier on two real multiclass sets.

Fits a forest (random_state=0, otherwise scikit-learn 1.2.1's defaults) on
  wine    sample-data/public/wine.csv (scikit-learn's load_wine written as CSV), 25 trees, 3 classes;
  digits  scikit-learn's load_digits (1,797 images of 8 x 8 pixels), 8 trees, 10 classes, trees deeper
          than 10 levels (the compiled scorer walks those differently),
and writes for each
  <set>-forest-nodes.csv  every node of every tree: tree, node, left, right, feature (-1 at a leaf),
                          threshold, and at a leaf the class shares of its training rows (value / value.sum())
  <set>-forest-proba.csv  the rows as the trees read them (float32, as scikit-learn casts them) and
                          predict_proba's probabilities, p_0, p_1, ...
Run from the repository root with /usr/bin/python3 src/test/resources/trees/make_forests.py.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

from sklearn.datasets import load_digits

here = "src/test/resources/trees/"


def write(name, table, target, trees):
    features = [c for c in table.columns if c != target]
    x = table[features].to_numpy(dtype=np.float32)
    forest = RandomForestClassifier(n_estimators=trees, random_state=0).fit(x, table[target].to_numpy())
    k = len(forest.classes_)
    with open(here + name + "-forest-nodes.csv", "w") as out:
        out.write("tree,node,left,right,feature,threshold," + ",".join("v%d" % c for c in range(k)) + "\n")
        for t, estimator in enumerate(forest.estimators_):
            tree = estimator.tree_
            for n in range(tree.node_count):
                leaf = tree.children_left[n] < 0
                shares = tree.value[n][0] / tree.value[n][0].sum() if leaf else np.zeros(k)
                out.write(",".join([str(t), str(n), str(tree.children_left[n]), str(tree.children_right[n]),
                                    str(-1 if leaf else tree.feature[n]),
                                    repr(float(tree.threshold[n]) if not leaf else 0.0)]
                                   + [repr(float(v)) for v in shares]) + "\n")
    proba = forest.predict_proba(x)
    rows = pd.DataFrame(x.astype(np.float64), columns=features)
    for c in range(k):
        rows["p_%d" % c] = proba[:, c]
    rows.to_csv(here + name + "-forest-proba.csv", index=False, float_format="%.17g")
    print(name, trees, "trees,", sum(e.tree_.node_count for e in forest.estimators_), "nodes, deepest",
          max(e.tree_.max_depth for e in forest.estimators_))


write("wine", pd.read_csv("sample-data/public/wine.csv"), "cultivar", 25)
digits = load_digits()
table = pd.DataFrame(digits.data, columns=["px%d" % j for j in range(64)])
table["digit"] = digits.target
write("digits", table, "digit", 8)
