"""Headless port of the original from-scratch network (testing.ipynb), written
from the chaosprune spec (shared/spec/formats.md): a one-hidden-layer sigmoid
network without biases, trained by per-sample SGD on squared error, recording
every weight after every step and the test/train accuracy after every step.

Writes the two files of the original pipeline's stage 1:
- weights CSV: rows = steps (first row = initial weights), columns = W1 then W2,
  each row-major, shortest round-trip float text (Python csv.writer);
- accuracies CSV: one row per step, aligned with the weights rows, [test, train].

usage: python network.py OUTDIR [--dataset iris|breast_cancer] [--seed 3]
       [--hidden 6] [--learning-rate 0.05] [--epochs 40] [--test-fraction 0.2]

The datasets come with scikit-learn (no download). The authors' own
recordings (the fixtures) used their preprocessing and splits, which the
spec does not record; this port reproduces the form, not their exact numbers.
"""
import argparse
import csv
import os

import numpy as np
from sklearn.datasets import load_breast_cancer, load_iris


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def accuracy(w1, w2, x, labels):
    output = sigmoid(sigmoid(x @ w1) @ w2)
    predicted = output.argmax(axis=1) if output.shape[1] > 1 else (output[:, 0] > 0.5).astype(int)
    return float((predicted == labels).mean())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--dataset", default="iris", choices=["iris", "breast_cancer"])
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--hidden", type=int, default=6)
    parser.add_argument("--learning-rate", type=float, default=0.05)
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--test-fraction", type=float, default=0.2)
    args = parser.parse_args()

    data = load_iris() if args.dataset == "iris" else load_breast_cancer()
    x = (data.data - data.data.mean(axis=0)) / data.data.std(axis=0)
    labels = data.target
    classes = int(labels.max()) + 1
    outputs = classes if classes > 2 else 1
    targets = np.eye(classes)[labels] if outputs > 1 else labels[:, None].astype(float)

    np.random.seed(args.seed)
    w1 = np.random.randn(x.shape[1], args.hidden)
    w2 = np.random.randn(args.hidden, outputs)
    order = np.random.permutation(len(x))
    split = int(round(len(x) * (1 - args.test_fraction)))
    train, test = order[:split], order[split:]

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "weights.csv"), "w", newline="") as wf, \
            open(os.path.join(args.out, "acc.csv"), "w", newline="") as af:
        weights, accuracies = csv.writer(wf), csv.writer(af)

        def record():
            weights.writerow(list(w1.ravel()) + list(w2.ravel()))
            accuracies.writerow([accuracy(w1, w2, x[test], labels[test]), accuracy(w1, w2, x[train], labels[train])])

        record()
        for _ in range(args.epochs):
            for i in train:
                hidden = sigmoid(x[i] @ w1)
                output = sigmoid(hidden @ w2)
                delta_out = (output - targets[i]) * output * (1 - output)
                delta_hidden = (w2 @ delta_out) * hidden * (1 - hidden)
                w2 -= args.learning_rate * np.outer(hidden, delta_out)
                w1 -= args.learning_rate * np.outer(x[i], delta_hidden)
                record()


if __name__ == "__main__":
    main()
