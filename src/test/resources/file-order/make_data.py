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

# The same rows read back and written again in another order, as a user's re-export would be: pandas' float
# parsing moves the last digit of some values (logpopul), so only a hash that rounds numbers sees the same rows.
again = __import__("pandas").read_csv("anes96.csv").sample(frac=1, random_state=3)
again.to_csv("anes96-shuffled.csv", index=False)
changed = (again.sort_index().logpopul.values != data.logpopul.values).sum()
print("logpopul values that changed in the last digit:", changed)
