"""Regenerates Tests/Fixtures/npy/: small .npy files (C and Fortran order,
float64/float32/int64) and two files chaosprune must refuse (an object array and
a pickle), for the `convert npy` tests."""
import os
import pickle
import sys

import numpy as np


def main(folder):
    os.makedirs(folder, exist_ok=True)
    a = np.array([[1.5, -0.25, 1e-7], [3.0, 0.1, -2.5]])
    np.save(os.path.join(folder, "c_float64.npy"), a)
    np.save(os.path.join(folder, "fortran_float64.npy"), np.asfortranarray(a))
    np.save(os.path.join(folder, "c_float32.npy"), a.astype(np.float32))
    np.save(os.path.join(folder, "vector_int64.npy"), np.array([3, 1, 4, 1, 5]))
    np.save(os.path.join(folder, "object.npy"), np.array([np.zeros((2, 2)), np.ones(3)], dtype=object), allow_pickle=True)
    with open(os.path.join(folder, "list.pkl"), "wb") as out:
        pickle.dump([1, 2], out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/npy")
