"""The recorder's round trip on a model of another shape than MNIST:
record -> chaosprune pipeline -> mask -> applied -> retrained.

    python recorder_check.py CHAOSPRUNE WORKDIR

A 5-12-3 tanh network on three overlapping Gaussian classes (torch seed 0),
SGD 0.05 in batches of 15, 110 epochs = 2,200 steps: the Recorder writes
WORKDIR/run/pure_1.npy (2,201 rows x 96 weights, float32) and acc_1.csv;
`chaosprune pipeline --maxlag 4` writes the mask (with the notebook's maxlag
14 every weight of this run is causal); apply_mask prunes it with
custom_from_mask; the network is retrained from its initial weights for 30
epochs. Prints one line per check and exits 1 when one fails.
"""
import os
import subprocess
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chaosprune_recorder import Recorder, apply_mask, read_mask  # noqa: E402

torch.set_num_threads(1)
chaosprune, work = sys.argv[1], sys.argv[2]
failed = 0


def check(what, ok):
    global failed
    print(("ok    " if ok else "FAIL  ") + what)
    failed += 0 if ok else 1


class Small(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(5, 12)
        self.fc2 = torch.nn.Linear(12, 3)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def data(generator, count):
    labels = torch.randint(0, 3, (count,), generator=generator)
    centres = torch.tensor([[1.0, 0, 0, 0.5, 0], [0, 1.0, 0, 0, 0.5], [0, 0, 1.0, 0.5, 0.5]])
    return centres[labels] + 0.6 * torch.randn(count, 5, generator=generator), labels


def accuracy(model, x, y):
    with torch.no_grad():
        return float((model(x).argmax(dim=1) == y).float().mean())


def train(model, x, y, epochs, each_step=lambda: None):
    optimiser = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(epochs):
        for start in range(0, len(x), 15):
            optimiser.zero_grad()
            torch.nn.functional.cross_entropy(model(x[start:start + 15]), y[start:start + 15]).backward()
            optimiser.step()
            each_step()


generator = torch.Generator().manual_seed(0)
train_x, train_y = data(generator, 300)
test_x, test_y = data(generator, 150)
torch.manual_seed(0)
model = Small()
initial = {k: v.clone() for k, v in model.state_dict().items()}
layers = [(model.fc1, "weight"), (model.fc2, "weight")]
run = os.path.join(work, "run")
with Recorder(run, layers, trial=1) as recorder:
    def step():
        recorder.record(accuracy(model, test_x, test_y), accuracy(model, train_x, train_y))
    step()
    train(model, train_x, train_y, 110, step)
dense_test = accuracy(model, test_x, test_y)

recorded = np.load(os.path.join(run, "pure_1.npy"))
check("the recording loads with numpy: float32, 2,201 rows x 96 weights",
      recorded.dtype == np.float32 and recorded.shape == (2201, 96))
final = torch.cat([model.fc1.weight.detach().reshape(-1), model.fc2.weight.detach().reshape(-1)]).numpy()
check("its last row is the trained fc1.weight then fc2.weight, bit for bit", np.array_equal(recorded[-1], final))
with open(os.path.join(run, "acc_1.csv")) as handle:
    check("acc_1.csv holds one test,train row per weights row", sum(1 for _ in handle) == 2201)

out = os.path.join(work, "out")
status = subprocess.run([chaosprune, "pipeline", os.path.join(run, "pure_1.npy"), os.path.join(run, "acc_1.csv"),
                         "--out", out, "--data", "custom", "--init", "1", "--maxlag", "4", "--quiet"], capture_output=True, text=True)
sys.stderr.write(status.stderr)
mask_path = os.path.join(out, "mask_custom_1.csv")
check("chaosprune pipeline reads the recording and writes a mask", status.returncode == 0 and os.path.exists(mask_path))
if failed:
    sys.exit(1)
mask = read_mask(mask_path, 96)
check("the mask prunes some but not all of the 96 weights (%d)" % len(mask), 0 < len(mask) < 96)

model.load_state_dict(initial)
pruned = apply_mask(layers, mask_path)
check("apply_mask prunes the mask's weights with custom_from_mask (%d)" % pruned, pruned == len(mask))
train(model, train_x, train_y, 30)
flat = torch.cat([model.fc1.weight.detach().reshape(-1), model.fc2.weight.detach().reshape(-1)]).numpy()
check("after retraining every masked weight is exactly 0 and no other is",
      set(np.flatnonzero(flat == 0).tolist()) == set(mask))
retrained_test = accuracy(model, test_x, test_y)
check("the pruned network learns: test accuracy %.3f (dense %.3f, chance 0.33)" % (retrained_test, dense_test),
      retrained_test > 0.6)

fresh = Small()
fresh.load_state_dict(initial)
apply_mask([(fresh.fc1, "weight"), (fresh.fc2, "weight")], mask_path, method="in-place")
flat = torch.cat([fresh.fc1.weight.detach().reshape(-1), fresh.fc2.weight.detach().reshape(-1)]).numpy()
check("apply_mask in place zeroes exactly the masked weights", set(np.flatnonzero(flat == 0).tolist()) == set(mask))
sys.exit(1 if failed else 0)
