"""Headless port of the original Granger notebook (stage 3), written from the
chaosprune spec: for every weight, statsmodels' grangercausalitytests on
[mis_risk, LE[:, c]] for lags 1..maxlag; any exception gives p = 0; the mask is
the weights whose min over lags of numpy-round(ssr_chi2test p, 4) is >= alpha,
in ascending p order ([-0:] selects all when none qualifies).

Writes the files the fixtures hold: granger_pvalues.csv, granger_min_p.csv,
mask.csv and, with --stationarity, adf.csv (and the stationarity_* names).

usage: python granger_notebook.py WINDOW_LE.csv ACC.csv OUTDIR [--window 50]
       [--overlap 0.1] [--maxlag 14] [--stationarity] [--limit N]
"""
import argparse
import os
import time
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.stattools import adfuller, grangercausalitytests

warnings.filterwarnings("ignore")


def mis_risk(acc, windows, window, overlap):
    risk = []
    for i in range(windows):
        r = int(window * (1 - overlap) * (i + 1) + window * overlap)
        risk.append(1 - acc[r - 1][0])
    return np.array(risk)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("le")
    parser.add_argument("acc")
    parser.add_argument("out")
    parser.add_argument("--window", type=int, default=50)
    parser.add_argument("--overlap", type=float, default=0.1)
    parser.add_argument("--maxlag", type=int, default=14)
    parser.add_argument("--stationarity", action="store_true")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()

    le = np.loadtxt(args.le, delimiter=",", ndmin=2)
    if args.limit:
        le = le[:, : args.limit]
    acc = np.loadtxt(args.acc, delimiter=",", ndmin=2)
    risk = mis_risk(acc, le.shape[0], args.window, args.overlap)
    series = [le[:, c] for c in range(le.shape[1])]
    prefix = ""
    if args.stationarity:
        prefix = "stationarity_"
        le_p = [adfuller(s)[1] for s in series]
        risk_p = adfuller(risk)[1]
        with open(os.path.join(args.out, "adf.csv"), "w") as out:
            out.write("series,index,pvalue\n")
            for i, p in enumerate(le_p):
                out.write("le,%d,%r\n" % (i, float(p)))
            out.write("mis_risk,-1,%r\n" % float(risk_p))
        if sum(p > 0.05 for p in le_p) > 0:
            series = [np.diff(s) for s in series]
        if risk_p >= 0.05:
            risk = np.diff(risk)

    started = time.perf_counter()
    rows = ["weight,lag,test,statistic,pvalue"]
    pvals = []
    for c, s in enumerate(series):
        try:
            data = np.array([risk, s]).T
            result = grangercausalitytests(data, maxlag=args.maxlag, verbose=False)
            for lag in range(1, args.maxlag + 1):
                for name in ["ssr_ftest", "ssr_chi2test", "lrtest", "params_ftest"]:
                    value = result[lag][0][name]
                    rows.append("%d,%d,%s,%r,%r" % (c, lag, name, float(value[0]), float(value[1])))
            pvals.append(min(np.round(result[lag][0]["ssr_chi2test"][1], 4) for lag in range(1, args.maxlag + 1)))
        except Exception as error:  # the notebook catches everything: p = 0
            rows.append("%d,,exception,,%r" % (c, "%s: %s" % (type(error).__name__, error)))
            pvals.append(0)
    elapsed = time.perf_counter() - started

    pvals = np.array(pvals, dtype=float)
    k = int((pvals >= 0.05).sum())
    order = np.argsort(pvals, kind="stable")
    mask = order[-k:]
    with open(os.path.join(args.out, prefix + "granger_pvalues.csv"), "w") as out:
        out.write("\n".join(rows) + "\n")
    with open(os.path.join(args.out, prefix + "granger_min_p.csv"), "w") as out:
        out.write("weight,min_p_rounded\n" + "".join("%d,%r\n" % (c, float(p)) for c, p in enumerate(pvals)))
    pd.Series(mask).to_csv(os.path.join(args.out, prefix + "mask.csv"), header=False, index=False)
    print("granger: %d weights in %.3f s (%.3f ms per weight)" % (len(series), elapsed, 1000 * elapsed / max(len(series), 1)))


if __name__ == "__main__":
    main()
