"""Regenerates Tests/Fixtures/distributions_scipy.csv: chi-square and F survival
function values from scipy (the reference statsmodels uses) and from mpmath at
40 digits (the exact value), for chaosprune's SurvivalFunctions tests."""
import random
import sys

import mpmath as mp
import scipy.stats as st

mp.mp.dps = 40


def exact(kind, x, d1, d2):
    x = mp.mpf(x)
    if kind == "chi2":
        return float(mp.gammainc(mp.mpf(d1) / 2, x / 2, mp.inf, regularized=True))
    return float(mp.betainc(mp.mpf(d2) / 2, mp.mpf(d1) / 2, 0, mp.mpf(d2) / (d2 + d1 * x), regularized=True))


def main(path):
    random.seed(3)
    cases = []
    for k in range(1, 31):
        for x in [1e-8, 1e-3, 0.01, 0.1, 0.5, 1, 2, 3.5, k / 2, k, k + 1, k * 1.5, 2 * k, 3 * k, 5 * k + 10, 50, 100, 200, 400, 700]:
            cases.append(("chi2", float(x), k, None))
    for _ in range(1500):
        cases.append(("f", 10 ** random.uniform(-4, 2.5), random.randint(1, 30), random.randint(5, 1000)))
    for d1 in [1, 7, 14]:
        for d2 in [10, 70, 400]:
            for f in [1e-6, 0.5, 1, 1.5, 3, 10, 30, 100, 300]:
                cases.append(("f", float(f), d1, d2))
    rows = ["kind,statistic,df1,df2,scipy,exact"]
    for kind, x, d1, d2 in cases:
        scipy_value = st.chi2.sf(x, d1) if kind == "chi2" else st.f.sf(x, d1, d2)
        rows.append("%s,%r,%d,%s,%r,%r" % (kind, x, d1, "" if d2 is None else d2, float(scipy_value), exact(kind, x, d1, d2)))
    with open(path, "w") as out:
        out.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/distributions_scipy.csv")
