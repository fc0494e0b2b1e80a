#!/usr/bin/env bash
# Shards `chaosprune le-window` over a Slurm job array, then merges the shards
# into the file one run would have written (byte for byte).
#
#   jid=$(sbatch --parsable --array=0-15 examples/slurm-le-window.sh shard weights.csv out/ 41000)
#   sbatch --dependency=afterok:$jid examples/slurm-le-window.sh merge weights.csv out/ 41000
#
# Arguments: MODE (shard | merge), WEIGHTS.csv, OUTDIR, number of weights (columns).
# Extra le-window options (e.g. --window 200, --legacy) go in LE_WINDOW_OPTIONS.
# CHAOSPRUNE names the binary (default: chaosprune on the PATH).
#SBATCH --job-name=le-window
#SBATCH --cpus-per-task=8
#SBATCH --mem=2G
#SBATCH --time=01:00:00
set -euo pipefail
mode=$1 weights=$2 out=$3 total=$4
chaosprune=${CHAOSPRUNE:-chaosprune}
tasks=${SLURM_ARRAY_TASK_COUNT:-1}
read -r -a options <<< "${LE_WINDOW_OPTIONS:-}"
mkdir -p "$out"
range() { echo "$(( $1 * total / tasks + 1 )):$(( ($1 + 1) * total / tasks ))"; }

case $mode in
  shard)
    task=${SLURM_ARRAY_TASK_ID:-0}
    "$chaosprune" le-window "$weights" -o "$out/shard.$task.csv" --columns "$(range "$task")" \
      --threads "${SLURM_CPUS_PER_TASK:-1}" --quiet "${options[@]}"
    ;;
  merge)
    # Each shard's sidecar (shard.N.csv.json) records its weights and layout.
    shards=()
    for (( task = 0; task < tasks; task++ )); do shards+=("$out/shard.$task.csv"); done
    "$chaosprune" merge "${shards[@]}" --total "$total" -o "$out/window_LE.csv"
    ;;
  *) echo "usage: $0 shard|merge WEIGHTS.csv OUTDIR WEIGHTS_COUNT" >&2; exit 2 ;;
esac
