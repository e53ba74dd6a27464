#!/bin/bash
# Run one tcpsim sweep as a Slurm job array: each array task runs one shard of the grid.
#
#   sbatch --array=1-8 scenarios/slurm-sweep.sh scenarios/labs/2-syn-flood.yaml sweeps/lab2-syn-flood
#
# Arguments: the scenario file (with its sweep: block) and the output directory, which must be on
# a file system every node sees (the runs of all shards go into the same DIR/runs/). Any further
# arguments are passed to tcpsim sweep (--vary, --replications, --set, --seed ...); give every
# task the same ones, since the shards of one sweep must be shards of the same grid.
#
# Shards are 1-based: with --array=1-N, task I runs shard I/N, every N-th run of the grid. Each
# finished run is written to DIR/runs/NNNNNN.json at once, so a task that is killed (time limit,
# preemption) loses only the runs in flight: resubmit the same array and every task skips what is
# already there. The results do not depend on N, on --cpus-per-task or on which node ran what.
#
# Afterwards, when every task has finished, collect the runs once (runs.csv, summary.csv with
# mean, sd and 95% confidence interval per point, and the plots):
#
#   ./tcpsim collect sweeps/lab2-syn-flood
#
# or let Slurm do it when the array succeeds:
#
#   jid=$(sbatch --parsable --array=1-8 scenarios/slurm-sweep.sh FILE DIR)
#   sbatch --dependency=afterok:$jid --wrap "./tcpsim collect DIR"
#
# Build tcpsim once before submitting (./tcpsim --version, or mvn -q -pl scenarios -am package
# -DskipTests): the tasks run the jar directly, so that they do not all try to rebuild it at once.
#
#SBATCH --job-name=tcpsim-sweep
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=slurm-%A_%a.out

set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: sbatch --array=1-N $0 FILE DIR [tcpsim sweep options...]" >&2
  exit 2
fi
file=$1
dir=$2
shift 2

: "${SLURM_ARRAY_TASK_ID:?run this with sbatch --array=1-N}"
# The number of shards: the array's size (--array=1-N gives N; Slurm 17.02 and later set
# SLURM_ARRAY_TASK_COUNT, older ones only SLURM_ARRAY_TASK_MAX, which is N for 1-N).
n=${SLURM_ARRAY_TASK_COUNT:-${SLURM_ARRAY_TASK_MAX:?not a job array}}
jobs=${SLURM_CPUS_PER_TASK:-1}

# The checkout this script belongs to (sbatch copies the script, so use the submit directory
# when the copy's location is not the checkout).
repo=$(cd "$(dirname "$0")/.." 2>/dev/null && pwd)
if [ ! -f "$repo/scenarios/target/tcpsim.jar" ]; then
  repo=${SLURM_SUBMIT_DIR:-$PWD}
fi
jar="$repo/scenarios/target/tcpsim.jar"
if [ ! -f "$jar" ]; then
  echo "$jar not found: build tcpsim before submitting (./tcpsim --version)" >&2
  exit 2
fi

# --no-collect: a shard never collects; collect once, after the whole array (see above).
# shellcheck disable=SC2086 # TCPSIM_JAVA_OPTS is a list of options
exec java ${TCPSIM_JAVA_OPTS:-} -jar "$jar" sweep "$file" \
  --shard "$SLURM_ARRAY_TASK_ID/$n" --jobs "$jobs" --out "$dir" --no-collect "$@"
