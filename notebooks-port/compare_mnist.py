"""The acceptance rule of spec mnist.md §9 between a torch run and chaosprune's.

    python compare_mnist.py rows TORCH.csv OURS.csv ROWS
        row 0 identical text; rows 1 … ROWS−1 within 1e-6 absolute
    python compare_mnist.py epochs TORCH.csv OURS.csv
        epochs 0–4 identical; after that per epoch |Δ| ≤ 3 points, mean ≤ 1, last ≤ 3 (both columns)
    python compare_mnist.py windows TORCH.csv OURS.csv
        the 25 window accuracies: |Δ| ≤ 3, mean ≤ 1, last ≤ 3, and as many lines
"""
import sys


def lines(path):
    with open(path, newline="") as f:
        return [line.rstrip("\r\n") for line in f if line.strip()]


def rule(theirs, ours, name):
    d = [abs(a - b) for a, b in zip(theirs, ours)]
    ok = len(theirs) == len(ours) and max(d) <= 3 and sum(d) / len(d) <= 1 and d[-1] <= 3
    print(f"{name}: {len(d)} values, max |Δ| {max(d):.4f}, mean {sum(d) / len(d):.4f}, last {d[-1]:.4f}")
    return ok


def main(command, theirs, ours, *rest):
    a, b = lines(theirs), lines(ours)
    if command == "rows":
        count = int(rest[0])
        if a[0] != b[0]:
            print("row 0 differs")
            return False
        worst = max(abs(float(x) - float(y)) for r in range(1, count) for x, y in zip(a[r].split(","), b[r].split(",")))
        print(f"rows 1–{count - 1}: max |Δw| {worst:.3g}")
        return worst <= 1e-6
    if command == "epochs":
        a, b = a[1:], b[1:]
        first = [x.split(",") for x in a[:5]] == [y.split(",") for y in b[:5]]
        print(f"epochs 0–4 identical: {first}")
        return first and all(rule([float(x.split(",")[c]) for x in a], [float(y.split(",")[c]) for y in b], f"column {c}") for c in (1, 2))
    if command == "windows":
        return rule([float(x) for x in a], [float(y) for y in b], "window accuracies")
    raise SystemExit(f"unknown command {command}")


sys.exit(0 if main(*sys.argv[1:]) else 1)
