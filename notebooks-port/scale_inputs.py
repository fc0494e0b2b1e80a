"""Synthetic inputs for the figures of the SizesAtScale article (numpy only).

    python scale_inputs.py walks ROWS COLUMNS OUT.npy
        float32 random walks, steps x weights, streamed into a .npy
    python scale_inputs.py exponents WINDOWS COLUMNS OUT.csv ROWS ACC.csv
        a window_LE file of normal random exponents (%.5g) and a per-step
        accuracy file of ROWS rows (test, train) that the window plan matches
"""
import sys

import numpy as np


def walks(rows, columns, path):
    rng = np.random.default_rng(7)
    out = np.lib.format.open_memmap(path, mode="w+", dtype="<f4", shape=(rows, columns))
    state = rng.standard_normal(columns).astype(np.float32)
    for start in range(0, rows, 100):
        steps = rng.standard_normal((min(100, rows - start), columns)).astype(np.float32) * 0.01
        block = state + np.cumsum(steps, axis=0)
        out[start:start + len(block)] = block
        state = block[-1]
    out.flush()


def exponents(windows, columns, path, rows, accuracy_path):
    rng = np.random.default_rng(11)
    with open(path, "w") as f:
        for _ in range(windows):
            f.write(",".join("%.5g" % v for v in rng.standard_normal(columns) * 0.05) + "\n")
    accuracy = np.clip(0.5 + np.cumsum(rng.standard_normal(rows)) * 0.01, 0, 1)
    with open(accuracy_path, "w") as f:
        f.writelines(f"{float(v)!r},{float(v)!r}\n" for v in accuracy)


if __name__ == "__main__":
    kind, arguments = sys.argv[1], sys.argv[2:]
    if kind == "walks":
        walks(int(arguments[0]), int(arguments[1]), arguments[2])
    elif kind == "exponents":
        exponents(int(arguments[0]), int(arguments[1]), arguments[2], int(arguments[3]), arguments[4])
    else:
        sys.exit(f"scale_inputs.py: unknown kind {kind!r}: walks or exponents")
