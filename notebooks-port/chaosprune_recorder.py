"""Record a PyTorch model for chaosprune, and apply chaosprune's mask to it.

Add three lines to your own training loop (numpy and torch only):

    from chaosprune_recorder import Recorder, apply_mask

    layers = [(model.fc1, "weight"), (model.fc2, "weight")]
    with Recorder("run", layers, trial=1) as recorder:
        recorder.record(test_accuracy, train_accuracy)      # the initial state
        for batch in ...:
            ...; optimizer.step()
            recorder.record(test_accuracy, train_accuracy)  # after every step

This writes, streamed (one row at a time, never the recording in memory):

- ``run/pure_1.npy``: a 2-D little-endian float32 ``.npy``, one row per
  ``record`` call, the chosen parameters flattened in order (row-major, as
  ``tensor.flatten()``): the weights file ``chaosprune pipeline``,
  ``le-window`` and ``granger`` read;
- ``run/acc_1.csv``: one ``test,train`` row of accuracies (fractions in
  [0, 1]) per ``record`` call, aligned with the weights rows: the per-step
  accuracy file.

Then ``chaosprune pipeline run/pure_1.npy run/acc_1.csv -o out`` writes
``out/mask_custom_1.csv``: 0-based indices into a row of ``pure_1.npy``.
``apply_mask(layers, "out/mask_custom_1.csv")`` maps them back to the
parameters and prunes them with ``torch.nn.utils.prune.custom_from_mask``
(the entries stay zero through retraining), or, with ``method="in-place"``,
sets them to zero once (re-zero them after every step yourself).

The ``.npy`` header holds the row count, which is known only at the end: it
is written with room for any count and rewritten by ``close()`` (or the
``with`` block's end). A file whose recorder never closed says 0 rows and
chaosprune refuses it.
"""
import os

import numpy as np
import torch
import torch.nn.utils.prune as prune

HEADER_BYTES = 128


def _npy_header(rows, columns):
    """A version-1.0 .npy header for a (rows, columns) '<f4' C-order array, HEADER_BYTES long."""
    text = "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }" % (rows, columns)
    padding = HEADER_BYTES - 10 - len(text) - 1
    if padding < 0:
        raise ValueError("shape (%d, %d) does not fit the reserved header" % (rows, columns))
    body = (text + " " * padding + "\n").encode("latin1")
    return b"\x93NUMPY\x01\x00" + len(body).to_bytes(2, "little") + body


def _parameters(layers):
    """The (module, name) pairs' tensors, checked."""
    tensors = []
    for module, name in layers:
        tensor = getattr(module, name, None)
        if not isinstance(tensor, torch.Tensor):
            raise ValueError("%s has no tensor %r" % (type(module).__name__, name))
        tensors.append(tensor)
    return tensors


class Recorder:
    """Streams the chosen parameters after every step into ``FOLDER/pure_K.npy``
    and the accuracies into ``FOLDER/acc_K.csv``."""

    def __init__(self, folder, layers, trial=1):
        self.layers = list(layers)
        self.columns = sum(t.numel() for t in _parameters(self.layers))
        if self.columns == 0:
            raise ValueError("the chosen parameters hold no value")
        os.makedirs(folder, exist_ok=True)
        self.weights_path = os.path.join(folder, "pure_%s.npy" % trial)
        self.accuracy_path = os.path.join(folder, "acc_%s.csv" % trial)
        self.rows = 0
        self._weights = open(self.weights_path, "wb")
        self._weights.write(_npy_header(0, self.columns))
        self._accuracy = open(self.accuracy_path, "w", newline="")

    def record(self, test_accuracy, train_accuracy):
        """Appends the parameters' current values (float32) and one accuracy row."""
        for value in (test_accuracy, train_accuracy):
            if not (0.0 <= float(value) <= 1.0):
                raise ValueError("accuracies are fractions in [0, 1], not %r" % value)
        with torch.no_grad():
            row = torch.cat([t.detach().reshape(-1).to(torch.float32).cpu() for t in _parameters(self.layers)])
        values = row.numpy()
        if not np.isfinite(values).all():
            raise ValueError("row %d holds inf or nan: chaosprune refuses such a recording" % self.rows)
        self._weights.write(values.astype("<f4", copy=False).tobytes())
        self._accuracy.write("%r,%r\n" % (float(test_accuracy), float(train_accuracy)))
        self.rows += 1

    def close(self):
        """Writes the final row count into the header and closes both files."""
        if self._weights.closed:
            return
        self._weights.seek(0)
        self._weights.write(_npy_header(self.rows, self.columns))
        self._weights.close()
        self._accuracy.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def read_mask(path, columns):
    """The 0-based indices of a chaosprune mask file (one per line), each < columns."""
    indices = []
    with open(path) as handle:
        for number, line in enumerate(handle, 1):
            text = line.strip()
            if not text:
                continue
            index = int(float(text))
            if float(text) != index or not 0 <= index < columns:
                raise ValueError("%s:%d: %r is not a weight index below %d" % (path, number, text, columns))
            indices.append(index)
    return indices


def masks_for(layers, mask_path):
    """One boolean keep-mask per (module, name), False at the listed indices."""
    tensors = _parameters(layers)
    total = sum(t.numel() for t in tensors)
    keep = np.ones(total, dtype=bool)
    keep[read_mask(mask_path, total)] = False
    masks, start = [], 0
    for tensor in tensors:
        count = tensor.numel()
        masks.append(torch.from_numpy(keep[start:start + count].copy()).reshape(tensor.shape))
        start += count
    return masks


def apply_mask(layers, mask_path, method="prune"):
    """Prunes the mask's weights: ``prune`` (custom_from_mask, kept at zero
    through training) or ``in-place`` (set to zero once). Returns the count pruned."""
    masks = masks_for(layers, mask_path)
    for (module, name), keep in zip(layers, masks):
        if method == "prune":
            prune.custom_from_mask(module, name, keep.to(getattr(module, name).device))
        elif method == "in-place":
            with torch.no_grad():
                getattr(module, name).mul_(keep.to(getattr(module, name).dtype))
        else:
            raise ValueError("method is 'prune' or 'in-place', not %r" % method)
    return int(sum((~m).sum().item() for m in masks))
