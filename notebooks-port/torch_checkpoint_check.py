"""Cross-check of chaosprune's .pth reader and writer with the real PyTorch.

    python torch_checkpoint_check.py OURS.pth FLAT_F32.npy RESAVED.pth

OURS.pth is a checkpoint chaosprune wrote; FLAT_F32.npy the expected values in
state_dict order. torch.load(weights_only=True) must accept OURS.pth, its
values must equal FLAT_F32.npy bit for bit, and the authors' network must load
it with every key matched. torch.save then writes the same state dict to
RESAVED.pth, for chaosprune to read back.
"""
import sys

import numpy as np
import torch


class Network(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(784, 50)
        self.fc2 = torch.nn.Linear(50, 30)
        self.fc4 = torch.nn.Linear(30, 10)


ours, flat, resaved = sys.argv[1:4]
state = torch.load(ours, weights_only=True)
values = np.concatenate([tensor.numpy().reshape(-1) for tensor in state.values()]).astype(np.float32)
expected = np.load(flat)
same = values.shape == expected.shape and np.array_equal(values.view(np.uint32), expected.view(np.uint32))
result = Network().load_state_dict(state)
print(f"torch {torch.__version__}: {len(state)} tensors, bitwise equal: {same}, keys: {result}")
torch.save(state, resaved)
sys.exit(0 if same and not result.missing_keys and not result.unexpected_keys else 1)
