"""Time Recorder.record on a million float32 weights (numpy + torch).

    python recorder_timing.py FOLDER [RECORDS]

Records the weight of a torch.nn.Linear(1000, 1000) RECORDS times (200) into
FOLDER/pure_1.npy and prints the median time per record.
"""
import sys
import time

import torch

from chaosprune_recorder import Recorder

folder = sys.argv[1]
records = int(sys.argv[2]) if len(sys.argv) > 2 else 200
torch.manual_seed(0)
model = torch.nn.Linear(1000, 1000)
times = []
with Recorder(folder, [(model, "weight")], trial=1) as recorder:
    for _ in range(records):
        with torch.no_grad():
            model.weight.add_(0.001)
        start = time.perf_counter()
        recorder.record(0.5, 0.5)
        times.append(time.perf_counter() - start)
times.sort()
print(f"{model.weight.numel():,} float32 weights, {records} records: median {times[len(times) // 2] * 1e3:.2f} ms per record")
