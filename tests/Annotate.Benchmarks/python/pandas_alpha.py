"""Nominal Krippendorff's alpha the way a researcher's script computes it: pandas.read_csv, pivot to units x coders,
then a numpy-vectorised coincidence matrix (Krippendorff 2011). The Python side of `cli-speed` (docs/benchmarks.md).

fast-krippendorff (pip `krippendorff`) is the usual last step, but no Python package index is reachable on the
machines this benchmark was written on, so its algorithm (value counts per unit -> coincidences -> D_o / D_e) is
written out here with numpy. Usage: python3 pandas_alpha.py FILE  -> prints alpha with 17 significant digits.
"""
import sys

import numpy as np
import pandas as pd


def nominal_alpha(table: np.ndarray) -> float:
    """table: units x coders of category codes, -1 for missing."""
    k = int(table.max()) + 1
    # counts[u, c]: how many coders put unit u in category c (fast-krippendorff's "value counts").
    counts = np.zeros((table.shape[0], k), dtype=np.int64)
    for j in range(table.shape[1]):
        column = table[:, j]
        rated = column >= 0
        np.add.at(counts, (np.nonzero(rated)[0], column[rated]), 1)
    m = counts.sum(axis=1)
    pairable = m >= 2
    counts, m = counts[pairable].astype(np.float64), m[pairable].astype(np.float64)
    # o[c, k] = sum_u n_uc (n_uk - [c == k]) / (m_u - 1)
    weighted = counts / (m - 1)[:, None]
    o = weighted.T @ counts - np.diag(weighted.sum(axis=0))
    n_c = o.sum(axis=1)
    n = n_c.sum()
    delta = 1.0 - np.eye(k)
    d_o = (o * delta).sum() / n
    d_e = (np.outer(n_c, n_c) * delta).sum() / (n * (n - 1))
    return 1.0 - d_o / d_e


def main(path: str) -> None:
    frame = pd.read_csv(path, usecols=["unit", "coder", "value"], dtype=str)
    frame = frame.dropna(subset=["value"])
    wide = frame.pivot(index="unit", columns="coder", values="value")
    codes = np.full(wide.shape, -1, dtype=np.int64)
    categories = pd.Index(sorted(pd.unique(wide.values.ravel()[pd.notna(wide.values.ravel())])))
    for j, coder in enumerate(wide.columns):
        column = wide[coder]
        present = column.notna().to_numpy()
        codes[present, j] = categories.get_indexer(column[present])
    print(f"{nominal_alpha(codes):.17g}")


if __name__ == "__main__":
    main(sys.argv[1])
