#!/usr/bin/env bash
# Expected outputs of the original 32-bit static TISEAN 3.0.0 lyap_r (the
# authors' binary: RAJAN13-blip/chaotic-pruning, CHAOS-main/NN-RESULTS-FINAL/
# scripts/matlab/tisean package/lyap_r) where a value the x87 unit computes in
# 80-bit and stores as a double decides a grid box: 1/eps rounded twice (to
# 80 bits, then to 53) lands on the other side of a box edge than 1/eps
# rounded once. Iris-like columns of one decimal, tab-separated; each case
# also runs with a small radius (many eps·1.1 passes) and the default eps.
#
#   generate.sh PATH-TO-32-BIT-lyap_r
set -euo pipefail
reference=$(realpath "$1")
cd "$(dirname "$0")"
rm -f expected/* cases.tsv
while read -r input column radius; do
    name=$(basename "$input" .dat)
    for options in "-c$column -r$radius" "-c$column -r$radius -m1" "-c$column -r$radius -m3 -s12" "-c$column -r0.02" "-c$column"; do
        id="${name}_${options//[ -]/}"
        # shellcheck disable=SC2086
        "$reference" -V0 $options -o "expected/$id.out" "inputs/$input"
        printf '%s\t%s\t%s\n' "$id" "$input" "$options" >> cases.tsv
    done
done <<'CASES'
stored0.dat 3 1.8
stored1.dat 1 0.9
stored2.dat 3 1.8
stored3.dat 3 0.9
stored4.dat 2 1.8
stored5.dat 1 0.9
stored6.dat 1 1.8
CASES
