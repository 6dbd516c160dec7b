"""Reference for sim/whatif/ChangeReachUnhurtTest: modeldata's credit data (src/test/resources/rdata/credit.csv),
a logistic regression learnt on the first half (2,227 rows; 'bad' the answer to catch), its share right on the second
half before and after every income x 0.05 (the wizard's "incomes" change at its strongest searched move).
Prints 0.7899 and 0.7441."""
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

d = pd.read_csv("src/test/resources/rdata/credit.csv")
y = (d.Status == "bad").astype(int)
X = d.drop(columns="Status")
cat = [c for c in X if X[c].dtype == object]
num = [c for c in X if c not in cat]
h = len(d) // 2
model = make_pipeline(ColumnTransformer([
    ("n", make_pipeline(SimpleImputer(), StandardScaler()), num),
    ("c", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), cat)]),
    LogisticRegression(max_iter=2000))
model.fit(X[:h], y[:h])
later, truth = X[h:].copy(), y[h:]
print(round((model.predict(later) == truth).mean(), 4))
later["Income"] = later["Income"] * 0.05
print(round((model.predict(later) == truth).mean(), 4))
