"""Reference figures for DataQualityRealDataTest, computed with pandas and scikit-learn."""
import numpy as np
import pandas as pd
from sklearn.metrics import roc_auc_score


def expected_repeats(d):
    """Rows expected to repeat an earlier row when each column is drawn independently with its own shares."""
    n = len(d)
    probs = [(d[c].astype(str).value_counts(dropna=False) / n).values for c in d.columns]
    joint = np.array([1.0])
    for p in probs:
        joint = np.outer(joint, p).ravel()
    return n - np.sum(1 - (1 - joint) ** n)


pima = pd.read_csv("pima.csv")
for c in pima.columns[:-1]:
    print("pima zeros", c, int((pima[c] == 0).sum()))
titanic = pd.read_csv("titanic.csv").iloc[:, 1:]
print("titanic repeats", int(titanic.astype(str).duplicated().sum()), "expected %.6f" % expected_repeats(titanic))
features = titanic[["sex", "age", "passengerClass"]]
print("titanic feature repeats", int(features.astype(str).duplicated().sum()),
      "expected %.6f" % expected_repeats(features))
glass = pd.read_csv("glass.csv")
print("glass repeats", int(glass.astype(str).duplicated().sum()))
card = pd.read_csv("creditcard.csv")
y = card.card == "yes"
for c in ["expenditure", "share"]:
    print("creditcard auc", c, "%.8f" % roc_auc_score(y, card[c]))
print("creditcard expenditure zero where no", int(((card.expenditure == 0) & ~y).sum()), "of", int((~y).sum()),
      "where yes", int(((card.expenditure == 0) & y).sum()), "of", int(y.sum()))
tx = pd.read_csv("txhousing.csv")
quarters = pd.to_datetime(tx.month_start, format="%m/%d/%Y").dt.to_period("Q")
replayed = quarters[quarters >= pd.Period("2006Q1")].value_counts().sort_index()
print("txhousing quarters", len(replayed), "rows", " ".join(str(n) for n in replayed.values))
labelled = quarters[(quarters >= pd.Period("2006Q1")) & tx["median"].notna()].value_counts().sort_index()
print("txhousing labelled", " ".join(str(n) for n in labelled.values))
penguins = pd.read_csv("penguins.csv")
blocks = penguins.species[penguins.species != penguins.species.shift()]
print("penguins blocks", " ".join(blocks))
from sklearn.tree import DecisionTreeClassifier
import math
for name, rows in (("reference", penguins.iloc[:172]), ("all", penguins)):
    rows = rows[rows.flipper_length_mm.notna()]
    k = rows.species.nunique()
    tree = DecisionTreeClassifier(max_depth=math.ceil(math.log2(k)) + 1, min_samples_leaf=5, random_state=0)
    tree.fit(rows[["flipper_length_mm"]], rows.species)
    print("penguins flipper tree", name, k, "classes accuracy %.6f" % tree.score(rows[["flipper_length_mm"]], rows.species),
          "majority %.6f" % rows.species.value_counts(normalize=True).iloc[0])
chicago = pd.read_csv("chicago.csv")
print("chicago weather_rain zeros", int((chicago.weather_rain == 0).sum()), "of", len(chicago), "max",
      chicago.weather_rain.max())
