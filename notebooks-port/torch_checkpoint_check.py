"""Cross-check of chaosprune's .pth reader and writer with the real PyTorch.

    python torch_checkpoint_check.py OURS.pth FLAT_F32.npy RESAVED.pth

OURS.pth is a checkpoint chaosprune wrote; FLAT_F32.npy the expected values in
state_dict order. torch.load(weights_only=True) must accept OURS.pth, its
values must equal FLAT_F32.npy bit for bit, and the authors' network must load
it with every key matched. torch.save then writes the same state dict to
RESAVED.pth, for chaosprune to read back.
"""
import sys

import torch

from mnist_torch import load

ours, flat, resaved = sys.argv[1:4]
same = load(ours, flat)
torch.save(torch.load(ours, weights_only=True), resaved)
sys.exit(0 if same else 1)
