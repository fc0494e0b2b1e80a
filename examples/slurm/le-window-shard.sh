#!/usr/bin/env bash
# One column shard of `chaosprune le-window` per Slurm array task, for a
# recording too wide for one task. Task K of an array 1-N computes the weights
# of shard K/N (the range comes from the recording's width) into
# OUTDIR/shards/shard_K.csv with its sidecar; a shard that holds no weight
# (N above the width) writes nothing. le-window-merge.sh then joins them.
#
#   mkdir -p logs
#   jid=$(sbatch --parsable --array=1-16 examples/slurm/le-window-shard.sh run/pure_1.csv out/pure_1)
#   sbatch --dependency=afterok:$jid examples/slurm/le-window-merge.sh out/pure_1 1
#
# WEIGHTS is CSV or .npy (read in slices: a task reads only its weights'
# bytes) on a filesystem every node sees. Extra le-window options (--window
# 200, --legacy, …) go in LE_WINDOW_OPTIONS; CHAOSPRUNE names the binary
# (default: chaosprune on the PATH, which sbatch passes on).
#SBATCH --job-name=le-window-shard
#SBATCH --cpus-per-task=1
#SBATCH --mem=1G
#SBATCH --time=02:00:00
#SBATCH --output=logs/%x-%A_%a.out
set -euo pipefail
if (( $# != 2 )); then echo "usage: sbatch --array=1-N $0 WEIGHTS OUTDIR" >&2; exit 2; fi
weights=$1 out=$2
chaosprune=${CHAOSPRUNE:-chaosprune}
first=${SLURM_ARRAY_TASK_MIN:?not in a Slurm array task (submit with sbatch --array=1-N)}
shards=$(( SLURM_ARRAY_TASK_MAX - first + 1 ))
if (( shards != SLURM_ARRAY_TASK_COUNT )); then
  echo "$0: the array must be one range (--array=1-N), not $SLURM_ARRAY_TASK_COUNT tasks over $first-$SLURM_ARRAY_TASK_MAX" >&2
  exit 2
fi
shard=$(( SLURM_ARRAY_TASK_ID - first + 1 ))
read -r -a options <<< "${LE_WINDOW_OPTIONS:-}"
mkdir -p "$out/shards"
"$chaosprune" le-window "$weights" --shard "$shard/$shards" -o "$out/shards/shard_$shard.csv" \
  --threads "${SLURM_CPUS_PER_TASK:-1}" --quiet "${options[@]}"
