#!/usr/bin/env python3
"""Produces the expected values that Tests/BrainAnalyticsTests compare BrainAnalytics against.

Reference implementation: Harvard Growth Lab `ecomplexity` 0.5.3 (PyPI). Run with Tests/reference/setup-venv first:
    .venv-reference/bin/python Tests/reference/ecomplexity_expected.py
For each matrix it writes Fixtures/ecomplexity/NAME.csv (region,sector,value: the input, also usable with
`brain analyze complexity --matrix`) and NAME.json (the reference's outputs; null where it gives NaN).
"""
import csv
import json
import os
import warnings
from collections import defaultdict

import numpy as np
import pandas as pd
from ecomplexity import ecomplexity, proximity

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "Tests", "BrainAnalyticsTests", "Fixtures", "ecomplexity")


def hand_matrices():
    """Small matrices that exercise the reference's edge conventions."""
    basic = {  # six regions, five sectors, no degeneracy
        "A": [10, 2, 0, 5, 1], "B": [3, 8, 1, 0, 4], "C": [0, 1, 9, 2, 6], "D": [7, 0, 3, 8, 0],
        "E": [1, 5, 2, 3, 9], "F": [4, 4, 4, 1, 2],
    }
    edge = {  # region Z all zeros, sector s5 all zeros, region Y present in one sector only,
        # and cell (W, s2) with RCA exactly 1: (5/10) / (50/100).
        "W": [2, 5, 1, 2, 0, 0], "X": [10, 20, 5, 0, 5, 0], "Y": [0, 0, 0, 7, 0, 0], "Z": [0, 0, 0, 0, 0, 0],
        "V": [3, 15, 4, 1, 0, 0], "U": [8, 10, 0, 2, 0, 0],
    }
    sectors = lambda n: [f"s{i}" for i in range(n)]
    yield "basic", [(r, s, v) for r, row in basic.items() for s, v in zip(sectors(5), row)]
    yield "edge-cases", [(r, s, v) for r, row in edge.items() for s, v in zip(sectors(6), row)]


def real_matrix():
    """Provinces × 申万 2021 level-1 industries: number of listed firms, from the repository's own data/."""
    latest = {}
    with open(os.path.join(ROOT, "data", "sw2021", "sw_stock_classify_history.csv"), encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            code = row["stock_code"].zfill(6)
            if row["start_date"] >= "2021-07-30" and (code not in latest or row["start_date"] >= latest[code][0]):
                latest[code] = (row["start_date"], row["sw_code"])
    counts = defaultdict(int)
    with open(os.path.join(ROOT, "data", "companies", "stock_company.csv"), encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            code = row["ts_code"].split(".")[0]
            if row["province"] and code in latest:
                counts[(row["province"], latest[code][1][:2] + "0000")] += 1
    yield "provinces-sw-l1", [(r, s, v) for (r, s), v in sorted(counts.items())]


def run(name, cells):
    with open(os.path.join(OUT, name + ".csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["region", "sector", "value"])
        writer.writerows(cells)
    data = pd.DataFrame(cells, columns=["region", "sector", "value"])
    data["year"] = 2024
    cols = {"time": "year", "loc": "region", "prod": "sector", "val": "value"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = ecomplexity(data, cols, verbose=False, check_logsupermodularity=False)
        prox = proximity(data, cols)

    def value(x):
        return None if x is None or (isinstance(x, float) and np.isnan(x)) else float(x)

    fields = ["rca", "mcp", "density", "cog", "diversity", "ubiquity", "eci", "pci", "coi"]
    rows = [[r["region"], r["sector"]] + [value(r[k]) for k in fields] for _, r in out.iterrows()]
    prox = prox.reset_index()
    first, second = [c for c in prox.columns if c not in ("proximity", "year", "index")][:2]
    pairs = [[r[first], r[second], value(r["proximity"])] for _, r in prox.iterrows()]
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
        json.dump({"reference": "ecomplexity 0.5.3", "threshold": 1, "cellFields": ["region", "sector"] + fields,
                   "cells": rows, "proximity": pairs}, f, ensure_ascii=False, separators=(",", ":"))
    print(f"{name}: {len(rows)} cells, {len(pairs)} proximity pairs")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for name, cells in list(hand_matrices()) + list(real_matrix()):
        run(name, cells)
