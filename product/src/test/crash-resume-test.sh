#!/usr/bin/env bash
# Kill -9 at random moments, resume each time: the run must end with the same metrics.csv, byte
# for byte, as the same experiment trained without interruption (README, "What survives what").
# A kill before the first checkpoint leaves nothing to resume: that run is deleted and trained
# again, as a user would. Also checks that a second `resume` of a run in training is refused,
# and that a killed run lists as crashed.
# Usage: crash-resume-test.sh PRODUCT_DIR OUTPUT_DIR [KILLS]
set -euo pipefail
product=$(cd "$1" && pwd)
mkdir -p "$2"; out=$(cd "$2" && pwd)
kills=${3:-20}
latentlab="$product/latentlab"
fail() { echo "crash-resume test FAILED: $*" >&2; exit 1; }
export LATENTLAB_THREADS=1 OMP_NUM_THREADS=1
unset DISPLAY

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/crash.experiment.yaml" <<'YAML'
name: crash
seed: 3
dataset: {id: mnist, train_limit: 640, test_limit: 500}
model:
  id: autoencoder
  loss: bce
  encoder:
    - dense: {units: 64, activation: relu}
    - dense: {units: 8, activation: relu}
  decoder:
    - dense: {units: 64, activation: relu}
    - dense: {units: 784, activation: sigmoid}
optimizer: {id: adam, learning_rate: 0.001}
training: {epochs: 40, batch_size: 64, evaluate_every: 1, sample_every: 5, checkpoint_every: 1}
YAML

"$latentlab" train "$work/crash.experiment.yaml" --runs "$work/reference" > "$out/reference.txt" 2>&1 \
  || { cat "$out/reference.txt"; fail "the uninterrupted run failed"; }
reference=$(ls -d "$work"/reference/*/)

# the run directory of the interrupted training, once it exists
run_dir() { ls -d "$work"/interrupted/*/ 2>/dev/null | head -1 || true; }
start() {
  if [ -z "$(run_dir)" ]; then
    "$latentlab" train "$work/crash.experiment.yaml" --runs "$work/interrupted" >> "$out/interrupted.txt" 2>&1 &
  else
    "$latentlab" resume "$(run_dir)" >> "$out/interrupted.txt" 2>&1 &
  fi
  pid=$!
}

killed=0 refused=0 crashed=0 fallbacks=0
while [ "$killed" -lt "$kills" ]; do
  start
  # wait until it trains (its status says running), then kill it at a random moment
  for _ in $(seq 1 600); do
    d=$(run_dir)
    [ -n "$d" ] && [ "$(head -1 "$d/status" 2>/dev/null)" = running ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" || { tail -5 "$out/interrupted.txt"; fail "train/resume exited non-zero before it was killed"; }
    break # it finished before the kill
  fi
  if [ "$refused" -eq 0 ]; then
    # a second writer is refused with exit 2, naming the holder
    set +e; "$latentlab" resume "$(run_dir)" > "$out/second.txt" 2>&1; code=$?; set -e
    [ "$code" -eq 2 ] && grep -q "is being trained by pid $pid" "$out/second.txt" \
      || { cat "$out/second.txt"; fail "a second resume of a run in training was not refused (exit $code)"; }
    refused=1
  fi
  sleep "0.$(( RANDOM % 10 ))$(( RANDOM % 10 ))"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  killed=$((killed + 1))
  d=$(run_dir)
  if [ "$crashed" -eq 0 ] && [ "$(head -1 "$d/status")" = running ]; then
    "$latentlab" list "$work/interrupted" > "$out/list.txt" 2>&1
    grep -q crashed "$out/list.txt" || { cat "$out/list.txt"; fail "a killed run is not listed as crashed"; }
    crashed=1
  fi
  if [ ! -f "$d/checkpoints/last.ckpt" ] && [ ! -f "$d/checkpoints/previous.ckpt" ]; then
    rm -rf "$d" # killed before its first checkpoint: start again
  fi
done
# finish whatever is left
while [ "$(head -1 "$(run_dir)/status" 2>/dev/null)" != completed ]; do
  start
  wait "$pid" || { tail -5 "$out/interrupted.txt"; fail "the last resume failed"; }
done
grep -c "resuming from the previous" "$(run_dir)/run.log" > /dev/null && fallbacks=$(grep -c "resuming from the previous" "$(run_dir)/run.log")
cmp "$reference/metrics.csv" "$(run_dir)/metrics.csv" \
  || { diff "$reference/metrics.csv" "$(run_dir)/metrics.csv" | head -20; fail "metrics.csv differs from the uninterrupted run's"; }
leftovers=$(find "$(run_dir)" -name '*.tmp')
[ -z "$leftovers" ] || fail "temporary files left: $leftovers"
echo "crash-resume: $killed kills (SIGKILL), metrics.csv identical to the uninterrupted run's ($(wc -l < "$reference/metrics.csv") lines), $fallbacks fallback(s) to the previous checkpoint"
