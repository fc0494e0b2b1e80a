"""The PyTorch MNIST path as the spec (mnist.md) describes pipeline.py and
pipeline2.py, with the recorder doing what it intends, for cross-checking
`chaosprune train/retrain --recipe mnist` against real torch (CPU, 1 thread).

    python mnist_torch.py record DATA.csv SEED EPOCHS OUT
        OUT/weights{SEED}.csv (the 1,800 analysed columns, the state before
        every step), train_accuracies{SEED}.csv, test_accuracies{SEED}.csv,
        epochs.csv
    python mnist_torch.py retrain DATA.csv INIT.pth SEED MASK.csv EPOCHS OUT
        the authors' mask semantics, no early stop: OUT/epochs.csv
    python mnist_torch.py load OURS.pth OURS.npy
        torch.load(weights_only=True) of a chaosprune-written state dict equals
        the float32 values chaosprune wrote beside it, bit for bit
"""
import os
import sys

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F

torch.set_num_threads(1)
BATCH = 128
WINDOW_ENDS = {45 * (i + 1) + 5 for i in range(25)}


class MNIST(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(784, 50)
        self.fc2 = torch.nn.Linear(50, 30)
        self.fc4 = torch.nn.Linear(30, 10)

    def forward(self, x):
        x = torch.sigmoid(self.fc1(x))
        x = torch.sigmoid(self.fc2(x))
        return torch.softmax(self.fc4(x), dim=1)


def loaders(path):
    values = pd.read_csv(path).values.astype(np.float64)
    ntr = int(0.7 * len(values))
    x = torch.tensor(values[:, 1:]).float()
    y = torch.tensor(values[:, 0]).long()
    train = torch.utils.data.TensorDataset(x[:ntr], y[:ntr])
    test = torch.utils.data.TensorDataset(x[ntr:], y[ntr:])
    return (torch.utils.data.DataLoader(train, batch_size=BATCH, shuffle=True),
            torch.utils.data.DataLoader(test, batch_size=BATCH, shuffle=False))


def accuracy(model, loader):
    correct = 0
    with torch.no_grad():
        for x, y in loader:
            correct += int((torch.argmax(model(x), dim=1) == y).sum())
    return 100 * correct / (len(loader) * BATCH)


def step(model, optimizer, x, y):
    loss = torch.nn.MSELoss()(model(x), F.one_hot(y, 10).float())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


def record(data, seed, epochs, out):
    torch.manual_seed(seed)
    np.random.seed(seed)
    model = MNIST()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    train, test = loaders(data)
    os.makedirs(out, exist_ok=True)
    s = 0
    with open(f"{out}/weights{seed}.csv", "w") as weights, open(f"{out}/train_accuracies{seed}.csv", "w", newline="") as train_acc, \
            open(f"{out}/test_accuracies{seed}.csv", "w", newline="") as test_acc, open(f"{out}/epochs.csv", "w") as log:
        log.write("epoch,train_acc,test_acc\n")
        for epoch in range(epochs):
            for x, y in train:
                row = torch.cat([model.fc2.weight.detach().reshape(-1), model.fc4.weight.detach().reshape(-1)]).tolist()
                weights.write(",".join(repr(v) for v in row) + "\n")
                step(model, optimizer, x, y)
                if s in WINDOW_ENDS:
                    train_acc.write(repr(accuracy(model, train)) + "\r\n")
                    test_acc.write(repr(accuracy(model, test)) + "\r\n")
                s += 1
            log.write(f"{epoch},{accuracy(model, train)!r},{accuracy(model, test)!r}\n")


def retrain(data, init, seed, mask_path, epochs, out):
    torch.manual_seed(seed)
    np.random.seed(seed)
    model = MNIST()
    model.load_state_dict(torch.load(init, weights_only=True, map_location="cpu"))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    train, test = loaders(data)
    listed = np.atleast_1d(np.genfromtxt(mask_path, delimiter=",")).astype(int)
    masks = {name: torch.ones_like(p) for name, p in model.named_parameters() if name.endswith("weight")}
    for m in listed:
        if m < 1500:
            masks["fc2.weight"].view(-1)[m] = 0
        if m == 0:
            masks["fc1.weight"].view(-1)[39199] = 0

    def apply():
        with torch.no_grad():
            for name, p in model.named_parameters():
                if name in masks:
                    p *= masks[name]

    os.makedirs(out, exist_ok=True)
    with open(f"{out}/epochs.csv", "w") as log:
        log.write("epoch,train_acc,test_acc\n")
        for epoch in range(epochs):
            for x, y in train:
                apply()
                step(model, optimizer, x, y)
            apply()
            log.write(f"{epoch},{accuracy(model, train)!r},{accuracy(model, test)!r}\n")


def load(ours, flat):
    state = torch.load(ours, weights_only=True)
    values = np.concatenate([t.numpy().reshape(-1) for t in state.values()]).astype(np.float32)
    expected = np.load(flat)
    same = values.shape == expected.shape and np.array_equal(values.view(np.uint32), expected.view(np.uint32))
    keys = MNIST().load_state_dict(state)
    print(f"torch {torch.__version__}: {len(state)} tensors, bitwise equal: {same}, keys: {keys}")
    return same and not keys.missing_keys and not keys.unexpected_keys


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "record":
        record(arguments[0], int(arguments[1]), int(arguments[2]), arguments[3])
    elif command == "retrain":
        retrain(arguments[0], arguments[1], int(arguments[2]), arguments[3], int(arguments[4]), arguments[5])
    elif command == "load":
        sys.exit(0 if load(arguments[0], arguments[1]) else 1)
    else:
        sys.exit(f"unknown command {command}")
