"""Writes anes96.csv: the 1996 American National Election Study extract that ships with statsmodels
(Debian's python3-statsmodels, statsmodels.datasets.anes96), in the file order statsmodels gives it: sorted
by income. Prints what FileOrderTest checks, computed by pandas."""
import statsmodels.api as sm

data = sm.datasets.anes96.load_pandas().data
data.to_csv("anes96.csv", index=False)
for column in data.columns:
    values = data[column].dropna()
    if values.is_monotonic_increasing or values.is_monotonic_decreasing:
        print(column, "sorted", values.iloc[0], values.iloc[-1], values.nunique())
reference = data.iloc[: round(len(data) * 0.3)]
print("reference income range", reference.income.min(), reference.income.max())
print("vote share reference", reference.vote.mean(), "rest", data.iloc[len(reference):].vote.mean())
