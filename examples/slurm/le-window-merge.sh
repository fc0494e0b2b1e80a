#!/usr/bin/env bash
# Joins the shards le-window-shard.sh wrote into OUTDIR/window_LE_K.csv (and
# its sidecar): the bytes one le-window run over all weights writes. It reads
# only OUTDIR/shards — no Slurm variable — and `chaosprune merge` refuses a
# missing shard, shards of different recordings or settings, and a set that
# does not reach the recording's width; nothing is written then.
#
#   sbatch --dependency=afterok:$jid examples/slurm/le-window-merge.sh out/pure_1 1
#
# One CPU and little memory (about three times the merged file). Submitted
# with afterok and --kill-on-invalid-dep, it is cancelled when a shard task
# fails instead of waiting forever.
#SBATCH --job-name=le-window-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=1G
#SBATCH --time=00:30:00
#SBATCH --kill-on-invalid-dep=yes
#SBATCH --output=logs/%x-%j.out
set -euo pipefail
if (( $# < 1 || $# > 2 )); then echo "usage: $0 OUTDIR [K]   (writes OUTDIR/window_LE_K.csv, K = 1 by default)" >&2; exit 2; fi
out=$1 trial=${2:-1}
chaosprune=${CHAOSPRUNE:-chaosprune}
shopt -s nullglob
shards=("$out"/shards/shard_*.csv)
if (( ${#shards[@]} == 0 )); then echo "$0: no shards in $out/shards" >&2; exit 1; fi
"$chaosprune" merge "${shards[@]}" -o "$out/window_LE_$trial.csv"
