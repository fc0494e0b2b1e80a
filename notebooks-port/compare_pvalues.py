"""Compares two granger_pvalues.csv files: the same rows (weight, lag, test),
the same exception messages, every p-value within TOLERANCE (absolute).
usage: python compare_pvalues.py A.csv B.csv [TOLERANCE]; exit 0 equal, 1 not."""
import csv
import sys


def table(path):
    with open(path) as f:
        return {(r["weight"], r["lag"], r["test"]): r["pvalue"] for r in csv.DictReader(f)}


a, b = table(sys.argv[1]), table(sys.argv[2])
tolerance = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-10
if set(a) != set(b):
    print("rows differ: %d only in A, %d only in B" % (len(set(a) - set(b)), len(set(b) - set(a))))
    sys.exit(1)
worst = 0.0
for key, value in a.items():
    if key[2] == "exception":
        if value != b[key]:
            print("exception differs for weight %s: %s vs %s" % (key[0], value, b[key]))
            sys.exit(1)
    else:
        worst = max(worst, abs(float(value) - float(b[key])))
print("%d rows, worst absolute p-value difference %.3g (tolerance %g)" % (len(a), worst, tolerance))
sys.exit(0 if worst <= tolerance else 1)
