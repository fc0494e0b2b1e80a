#!/usr/bin/env python3
"""Compares a recording or a retraining of chaosprune with the training port's (or the fixtures').

usage: compare_training.py weights A.csv B.csv     every value within 1e-12 and the same %f text
       compare_training.py summary A.json B.json   every key equal but seconds
Exits 0 when they agree, 1 otherwise, printing the worst difference."""
import json
import sys


def weights(a, b):
    rows_a = open(a).read().split("\n")
    rows_b = open(b).read().split("\n")
    if len(rows_a) != len(rows_b):
        print(f"{len(rows_a)} vs {len(rows_b)} lines")
        return False
    worst, text = 0.0, 0
    for x, y in zip(rows_a, rows_b):
        xs, ys = [float(v) for v in x.split(",") if v.strip()], [float(v) for v in y.split(",") if v.strip()]
        if len(xs) != len(ys):
            print("ragged rows")
            return False
        for u, v in zip(xs, ys):
            worst = max(worst, abs(u - v))
            text += "%f" % u != "%f" % v
    print(f"worst |difference| {worst:.3g}, %f text differences {text}")
    return worst <= 1e-12 and text == 0


def summary(a, b):
    x, y = json.load(open(a)), json.load(open(b))
    different = [k for k in set(x) | set(y) if k != "seconds" and x.get(k) != y.get(k)]
    print("summaries equal" if not different else f"differ in {different}")
    return not different


if __name__ == "__main__":
    ok = {"weights": weights, "summary": summary}[sys.argv[1]](sys.argv[2], sys.argv[3])
    sys.exit(0 if ok else 1)
