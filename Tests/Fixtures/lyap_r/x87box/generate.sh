#!/usr/bin/env bash
# Expected outputs of the original 32-bit static TISEAN 3.0.0 lyap_r (the
# authors' binary: RAJAN13-blip/chaotic-pruning, CHAOS-main/NN-RESULTS-FINAL/
# scripts/matlab/tisean package/lyap_r) on series with one or two decimals,
# where the x87 unit's 80-bit box-index product decides which box a point is
# in (dec1.dat with -r0.5 and -m2 -r1 needed it).
#
#   generate.sh PATH-TO-32-BIT-lyap_r
set -euo pipefail
reference=$(realpath "$1")
cd "$(dirname "$0")"
rm -f expected/* cases.tsv
for input in inputs/*.dat; do
    name=$(basename "$input" .dat)
    for options in "-r0.5" "-m2 -r1" "-r0.25" "-m3 -r0.5" "-r2"; do
        id="${name}_${options//[ -]/}"
        # shellcheck disable=SC2086
        "$reference" -V0 $options -o "expected/$id.out" "$input"
        printf '%s\t%s\t%s\n' "$id" "$(basename "$input")" "$options" >> cases.tsv
    done
done
