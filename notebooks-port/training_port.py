#!/usr/bin/env python3
"""Headless port of the authors' from-scratch training (Helper.py / Testing.ipynb), written from
chaosprune's behavioural spec, with the libraries the authors used (numpy, pandas, scikit-learn).

Stage 1 records pure_K.csv and acc_K.csv (csv.writer, \\r\\n) as their run_network(save_weights=True);
stage 4 retrains with a mask re-zeroed after every update and writes epochs_K.csv and summary_K.json
as `chaosprune retrain` does. The live cross-checks compare it with chaosprune on trial 1 of two
recipes: accuracies exact, weights within 1e-12 with the same %f text (numpy's BLAS sums in its own
order, so the last bits of a weight may differ), summaries equal.

usage: training_port.py record  RECIPE DATA_DIR INIT.npy TRIAL EPOCHS OUT_DIR
       training_port.py retrain RECIPE DATA_DIR INIT.npy TRIAL OUT_DIR [MASK.csv]
Helper recipes only (cancer2, titanic2, bank_note, iris, iris3f).
"""
import csv
import json
import math
import os
import sys

import numpy as np
import pandas as pd
from sklearn.metrics import precision_recall_fscore_support
from sklearn.preprocessing import StandardScaler

RECIPES = {  # I, H, O, lr, num_iterations, benchmark
    "cancer2": (9, 6, 1, 0.01, 50, 0.9),
    "titanic2": (6, 8, 1, 0.1, 50, 0.74),
    "bank_note": (4, 8, 1, 0.5, 100, 0.91),
    "iris": (4, 6, 3, 0.05, 200, 0.95),
    "iris3f": (3, 6, 3, 0.05, 200, 0.95),
}


def per_sample(x):
    """Each sample standardised across its own features (the authors pass the transpose)."""
    return StandardScaler().fit_transform(x.T).T


def load(recipe, folder):
    """(X_train, Y_train, X_test, Y_test): rows are samples, Y rows the target vectors."""
    if recipe in ("cancer2", "bank_note"):
        name, features = ("binary_cancer.csv", 9) if recipe == "cancer2" else ("binary_banknote.csv", 4)
        data = pd.read_csv(os.path.join(folder, name), header=None).to_numpy(dtype=float)
        np.random.seed(42)
        np.random.shuffle(data)
        split = int(0.8 * len(data))
        x, y = per_sample(data[:, :features]), data[:, features:features + 1]
        return x[:split], y[:split], x[split:], y[split:]
    if recipe in ("iris", "iris3f"):
        frame = pd.read_csv(os.path.join(folder, "Iris.csv"))
        columns = [1, 2, 3, 4] if recipe == "iris" else [1, 3, 4]
        species = sorted(frame["Species"].unique())
        data = frame.to_numpy()
        np.random.seed(42)
        np.random.shuffle(data)
        x = data[:, columns].astype(float)
        y = np.array([[1.0 if s == name else 0.0 for name in species] for s in data[:, 5]])
        return (StandardScaler().fit_transform(x[:120]), y[:120], StandardScaler().fit_transform(x[120:]), y[120:])
    if recipe == "titanic2":
        def features(frame):
            frame = frame.copy()
            frame["Sex"] = frame["Sex"].map({"male": 1, "female": 0})
            frame["Embarked"] = frame["Embarked"].map({"S": 0, "C": 1, "Q": 2})
            for column in ("Embarked", "Fare"):
                if frame[column].isna().any():
                    counts = frame[column].value_counts()
                    frame[column] = frame[column].fillna(min(counts[counts == counts.max()].index))
            return frame[["Pclass", "Sex", "SibSp", "Parch", "Fare", "Embarked"]].to_numpy(dtype=float)
        train = pd.read_csv(os.path.join(folder, "titanic_train.csv"))
        test = pd.read_csv(os.path.join(folder, "titanic_test.csv"))
        labels = pd.read_csv(os.path.join(folder, "titanic_testy.csv")).iloc[:, 1].to_numpy(dtype=float)
        np.random.seed(42)
        order = np.random.permutation(len(train))
        x = per_sample(features(train))[order]
        y = train["Survived"].to_numpy(dtype=float)[order].reshape(-1, 1)
        return x, y, per_sample(features(test)), labels.reshape(-1, 1)
    raise SystemExit(f"training_port.py: recipe {recipe} is not a Helper recipe")


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_derivative(z):
    e = np.exp(-z)
    return e / ((1 + e) * (1 + e))


def forward(params, x):
    w1, b1, w2, b2 = params
    z1 = w1.dot(x) + b1
    a1 = sigmoid(z1)
    z2 = w2.dot(a1) + b2
    return z1, a1, z2, sigmoid(z2)


def step(params, x, y, lr, mask):
    w1, b1, w2, b2 = params
    x = x.reshape(-1, 1)
    y = y.reshape(-1, 1)
    z1, a1, z2, a2 = forward(params, x)
    c = 1.0 / y.size
    g2 = (-2) * ((y - a2) * sigmoid_derivative(z2))
    g1 = w2.T.dot(g2) * sigmoid_derivative(z1)
    new = [w1 - lr * (c * g1.dot(x.T)), b1 - lr * (c * g1), w2 - lr * (c * g2.dot(a1.T)), b2 - lr * (c * g2)]
    for layer, index in mask:
        new[layer].flat[index] = 0.0
    return new


def accuracy(params, x, y):
    correct = 0
    for sample, target in zip(x, y):
        a2 = forward(params, sample.reshape(-1, 1))[3]
        correct += int(all(math.floor(a2[o, 0] + 0.5) == target[o] for o in range(len(target))))
    return correct / len(x)


def labels(params, x, y):
    outputs = np.array([forward(params, sample.reshape(-1, 1))[3][:, 0] for sample in x])
    if y.shape[1] == 1:
        return y[:, 0].astype(int), np.floor(outputs[:, 0] + 0.5).astype(int)
    return np.argmax(y, axis=1), np.argmax(outputs, axis=1)


def initial(init, trial):
    row = np.load(init, allow_pickle=True)[trial - 1]
    return [np.array(array, dtype=float) for array in row]


def record(recipe, folder, init, trial, epochs, out):
    x, y, tx, ty = load(recipe, folder)
    params = initial(init, trial)
    lr = RECIPES[recipe][3]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, f"pure_{trial}.csv"), "w", newline="") as pure, \
         open(os.path.join(out, f"acc_{trial}.csv"), "w", newline="") as acc:
        weights, accuracies = csv.writer(pure), csv.writer(acc)
        def write():
            weights.writerow(list(params[0].flatten()) + list(params[2].flatten()))
            accuracies.writerow([accuracy(params, tx, ty), accuracy(params, x, y)])
        write()
        for _ in range(epochs):
            for sample, target in zip(x, y):
                params = step(params, sample, target, lr, [])
                write()


def retrain(recipe, folder, init, trial, out, mask_file):
    inputs, hidden, _, lr, iterations, benchmark = RECIPES[recipe]
    x, y, tx, ty = load(recipe, folder)
    params = initial(init, trial)
    indices = sorted({int(line) for line in open(mask_file)} if mask_file else set())
    mask = [(0, j) if j < hidden * inputs else (2, j - hidden * inputs) for j in indices]
    for layer, index in mask:
        params[layer].flat[index] = 0.0
    epochs, reported = [], None
    for epoch in range(iterations + 50):
        for sample, target in zip(x, y):
            params = step(params, sample, target, lr, mask)
        test, train = accuracy(params, tx, ty), accuracy(params, x, y)
        epochs.append((train, test))
        if reported is None and (train >= benchmark or epoch == iterations + 49):
            metrics = [precision_recall_fscore_support(*labels(params, a, b), average="macro", zero_division=0)[:3]
                       for a, b in ((x, y), (tx, ty))]
            reported = (epoch if train >= benchmark else None, metrics)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, f"epochs_{trial}.csv"), "w") as handle:
        handle.write("epoch,train_acc,test_acc\n")
        for index, (train, test) in enumerate(epochs):
            handle.write(f"{index},{train!r},{test!r}\n")
    mark, metrics = reported
    summary = {
        "recipe": recipe, "trial": trial, "weights": hidden * inputs + RECIPES[recipe][2] * hidden, "pruned": len(indices),
        "epochs": len(epochs), "benchmark": benchmark, "benchmark_epoch": mark,
        "train_acc_at_benchmark": epochs[mark][0] if mark is not None else None,
        "test_acc_at_benchmark": epochs[mark][1] if mark is not None else None,
        "final_train_acc": epochs[-1][0], "final_test_acc": epochs[-1][1],
        "precision_train": float(metrics[0][0]), "recall_train": float(metrics[0][1]), "f1_train": float(metrics[0][2]),
        "precision_test": float(metrics[1][0]), "recall_test": float(metrics[1][1]), "f1_test": float(metrics[1][2]),
    }
    summary["pruned_fraction"] = summary["pruned"] / summary["weights"]
    with open(os.path.join(out, f"summary_{trial}.json"), "w") as handle:
        json.dump(summary, handle, indent=1)


if __name__ == "__main__":
    if len(sys.argv) >= 8 and sys.argv[1] == "record":
        record(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]), sys.argv[7])
    elif len(sys.argv) in (7, 8) and sys.argv[1] == "retrain":
        retrain(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6], sys.argv[7] if len(sys.argv) == 8 else None)
    else:
        raise SystemExit(__doc__)
