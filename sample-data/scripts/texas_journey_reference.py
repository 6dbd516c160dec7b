#!/usr/bin/python3
"""Reference values for the window's journey on a real dated table (TexasHousingJourneyTest): ggplot2's
Texas housing sales (src/test/resources/rdata/txhousing.csv: 46 cities, monthly, dates written month-first
M/d/yyyy, the median sale price to predict), computed with pandas, independently of TwinBench.

"New scenario from this data", replayed a quarter a step by month_start (docs/window.md): the rows sorted by
date, the reference is every row before the start of the quarter holding the middle row (index n // 2); each
later quarter is one step. Writes the cities, the reference's end, the quarters replayed and the rows of each
city in the first replayed quarter whose median is known (the rows a step's MAE is taken over).

Writes src/test/resources/window/txhousing-expected.json.
Run from the repository root: /usr/bin/python3 sample-data/scripts/texas_journey_reference.py
"""
import json

import pandas as pd

tx = pd.read_csv("src/test/resources/rdata/txhousing.csv")
tx["date"] = pd.to_datetime(tx["month_start"], format="%m/%d/%Y")
days = tx["date"].sort_values().reset_index(drop=True)
until = days[len(days) // 2].to_period("Q").start_time
quarters = tx.loc[tx["date"] >= until, "date"].dt.to_period("Q").drop_duplicates().sort_values()
first = tx[(tx["date"].dt.to_period("Q") == quarters.iloc[0]) & tx["median"].notna()]
expected = {
    "cities": sorted(tx["city"].unique().tolist()),
    "reference_until": until.strftime("%Y-%m-%d"),
    "quarters": [q.start_time.strftime("%Y-%m-%d") for q in quarters],
    "first_quarter_labelled_rows": {c: int(n) for c, n in first.groupby("city").size().items()},
}
with open("src/test/resources/window/txhousing-expected.json", "w") as out:
    json.dump(expected, out, indent=1)
    out.write("\n")
print(len(expected["cities"]), "cities;", len(expected["quarters"]), "quarters from", expected["reference_until"])
