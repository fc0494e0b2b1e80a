#!/usr/bin/env bash
# Regenerates every fixture under Tests/Fixtures/ (and the demo recording) that
# can be made without TISEAN, with the pinned Python stack (requirements.txt):
#   - pipeline/*/granger_pvalues.csv, granger_min_p.csv, mask.csv   (granger_notebook.py, statsmodels)
#   - pipeline/*/adf.csv, stationarity_*.csv                        (granger_notebook.py --stationarity)
#   - distributions_scipy.csv                                       (make_distribution_table.py, scipy + mpmath)
#   - npy/                                                          (make_npy_fixtures.py, numpy)
# Not regenerable here: lyap_r/ (TISEAN 3.0.0 binaries, 64- and 32-bit) and the
# pipeline window_LE files and logs (MATLAB/Octave + TISEAN), the weight
# recordings in pipeline/*/ (made before the authors' preprocessing was known),
# and training/ (the authors' own code; training_port.py reproduces it, see .ci/cross-checks).
# statsmodels' last digits depend on the machine's LAPACK: regenerated p-values
# can differ from the committed ones around 1e-13, far inside the tests' 1e-10.
#
# usage: notebooks-port/regenerate_fixtures.sh [REPOSITORY]   (default: this checkout)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${1:-$(dirname "$here")}
fixtures=$root/Tests/Fixtures

for folder in "$fixtures"/pipeline/*/; do
  [ -f "$folder/granger_pvalues.csv" ] || continue
  python3 "$here/granger_notebook.py" "$folder/window_LE_w50.csv" "$folder/acc.csv" "$folder"
  if [ -f "$folder/adf.csv" ]; then
    python3 "$here/granger_notebook.py" "$folder/window_LE_w50.csv" "$folder/acc.csv" "$folder" --stationarity
  fi
done
python3 "$here/make_distribution_table.py" "$fixtures/distributions_scipy.csv"
python3 "$here/make_npy_fixtures.py" "$fixtures/npy"
echo "regenerated; run swift test"
