"""Writes spector.csv: Spector & Mazzeo's 32 students (statsmodels.datasets.spector, Debian's
python3-statsmodels), and prints the 95% Wilson intervals TrainHoldoutIntervalsTest expects, by statsmodels'
proportion_confint(method='wilson'), for the holdout counts `train` reports (its 6-row holdout: 5 right of 6,
recall 2 of 2; the election study's 189-row holdout of 'vote': 175 right, 75 of 86 positives)."""
import statsmodels.api as sm
from statsmodels.stats.proportion import proportion_confint

sm.datasets.spector.load_pandas().data.to_csv("spector.csv", index=False)
for right, n in [(5, 6), (2, 2), (175, 189), (75, 86)]:
    print(right, n, proportion_confint(right, n, method="wilson"))
