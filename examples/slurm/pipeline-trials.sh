#!/usr/bin/env bash
# One trial per Slurm array task: stages 2 and 3 (`chaosprune pipeline`) on
# one whole recording, with --threads = the task's cores. Task K reads the
# files named by WEIGHTS and ACC with {K} replaced by K, and writes
# OUTDIR/trial_K/ (window_LE_K.csv, its sidecar and log, the p-values and
# the mask), the pipeline's own names.
#
#   mkdir -p logs
#   sbatch --array=1-5 --cpus-per-task=8 examples/slurm/pipeline-trials.sh 'run/pure_{K}.csv' 'run/acc_{K}.csv' out
#
# Files live on a filesystem every node sees; extra pipeline options go in
# PIPELINE_OPTIONS; CHAOSPRUNE names the binary (default: chaosprune on the PATH).
#SBATCH --job-name=pipeline-trial
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --time=04:00:00
#SBATCH --output=logs/%x-%A_%a.out
set -euo pipefail
if (( $# != 3 )); then echo "usage: sbatch --array=1-N $0 'WEIGHTS_{K}' 'ACC_{K}' OUTDIR" >&2; exit 2; fi
trial=${SLURM_ARRAY_TASK_ID:?not in a Slurm array task (submit with sbatch --array=1-N)}
weights=${1//\{K\}/$trial} accuracy=${2//\{K\}/$trial} out=$3
chaosprune=${CHAOSPRUNE:-chaosprune}
read -r -a options <<< "${PIPELINE_OPTIONS:-}"
"$chaosprune" pipeline "$weights" "$accuracy" --out "$out/trial_$trial" --trial "$trial" \
  --threads "${SLURM_CPUS_PER_TASK:-1}" --quiet "${options[@]}"
