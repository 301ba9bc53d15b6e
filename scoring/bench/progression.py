"""The progression feature set computed by pandas, for podium bench.

Usage: progression.py RESULTS.csv
Prints {"seconds": median compute time of three runs, "rows": output rows}.
Only the computation is timed, not reading the file.
"""
import json
import statistics
import sys
import time

import numpy as np
import pandas as pd

KEYS = ["athlete_id", "sport", "discipline", "unit", "lower_is_better"]


def progression(df):
    d = df.assign(signed=np.where(df.lower_is_better, df.mark, -df.mark))
    g = d.groupby(KEYS, sort=True, observed=True)
    out = g.agg(n=("mark", "size"), mean=("mark", "mean"), sd=("mark", "std"),
                best_signed=("signed", "min"), last_age=("age_years", "max"))
    lower = out.index.get_level_values("lower_is_better")
    out["best"] = np.where(lower, out.best_signed, -out.best_signed)
    a = d.dropna(subset=["age_years"])
    a = a.assign(xy=a.mark * a.age_years, xx=a.age_years ** 2)
    s = a.groupby(KEYS, observed=True).agg(sx=("age_years", "sum"), sy=("mark", "sum"),
                            sxy=("xy", "sum"), sxx=("xx", "sum"), k=("mark", "size"))
    out["slope_per_year"] = (s.sxy - s.sx * s.sy / s.k) / (s.sxx - s.sx ** 2 / s.k)
    latest = d.sort_values(["age_years", "date", "result_id"], ascending=False, na_position="last")
    out["last_mark"] = latest.groupby(KEYS, observed=True).mark.first()
    best = d.sort_values(["signed", "age_years", "date", "result_id"], na_position="last")
    out["age_at_best"] = best.groupby(KEYS, observed=True).age_years.first()
    return out.drop(columns="best_signed").reset_index()


def main():
    df = pd.read_csv(sys.argv[1], parse_dates=["date"], true_values=["true"], false_values=["false"],
                     dtype={"athlete_id": "int64", "sport": "category", "discipline": "category",
                            "unit": "category", "mark": "float64", "age_years": "float64", "result_id": "int64"})
    times, rows = [], 0
    for _ in range(3):
        t = time.perf_counter()
        rows = len(progression(df))
        times.append(time.perf_counter() - t)
    print(json.dumps({"seconds": statistics.median(times), "rows": rows}))


if __name__ == "__main__":
    main()
