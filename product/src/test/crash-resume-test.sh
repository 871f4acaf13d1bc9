#!/usr/bin/env bash
# Kill -9 at random moments, resume each time: the run must end with the same metrics.csv, byte
# for byte, as the same experiment trained without interruption (README, "What survives what").
# A kill before the first checkpoint leaves nothing to resume: that run is deleted and trained
# again, as a user would. Also checks that a second `resume` of a run in training is refused,
# and that a killed run lists as crashed.
# Then a full disk: the same training on a tmpfs that holds two checkpoints but not a third must
# stop with exit 1 naming the file and "No space left on device", status failed, no temporary
# or torn line left; moved to a roomy disk, `resume` finishes it with the same metrics.csv.
# (Mounting needs root; without it that part says SKIPPED.)
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
smallfs=""
cleanup() { [ -n "$smallfs" ] && umount "$smallfs" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
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

# A full disk
ckpt=$(stat -c %s "$reference/checkpoints/last.ckpt")
others=$(du -sb --exclude=checkpoints "$reference" | cut -f1)
size_kb=$(( (ckpt * 23 / 10 + others) / 1024 + 64 ))
smallfs="$work/smallfs"; mkdir -p "$smallfs"
if mount -t tmpfs -o "size=${size_kb}k" tmpfs "$smallfs" 2>/dev/null; then
  set +e
  "$latentlab" train "$work/crash.experiment.yaml" --runs "$smallfs/runs" > "$out/full-disk.txt" 2>&1
  code=$?
  set -e
  [ "$code" -eq 1 ] || { cat "$out/full-disk.txt"; fail "training on a full disk exited $code, not 1"; }
  grep -q "cannot write checkpoint .*checkpoints/last.ckpt (about .* MB needed): No space left on device" \
    "$out/full-disk.txt" || { cat "$out/full-disk.txt"; fail "the full disk was not named with the file and the size"; }
  d=$(ls -d "$smallfs"/runs/*/)
  [ "$(head -1 "$d/status")" = failed ] || fail "status after a full disk: $(head -1 "$d/status")"
  [ -z "$(find "$d" -name '*.tmp')" ] || fail "temporary files left on the full disk: $(find "$d" -name '*.tmp')"
  awk -F, 'NF != 4 { exit 1 }' "$d/metrics.csv" || fail "a torn line in metrics.csv after the full disk"
  cp -a "$d" "$work/full-disk-run"
  umount "$smallfs"; smallfs=""
  "$latentlab" resume "$work/full-disk-run" > "$out/full-disk-resume.txt" 2>&1 \
    || { cat "$out/full-disk-resume.txt"; fail "resume after the full disk failed"; }
  cmp "$reference/metrics.csv" "$work/full-disk-run/metrics.csv" \
    || fail "metrics.csv after a full disk and a resume differs from the uninterrupted run's"
  echo "full disk: stopped with exit 1 at '$(grep -o 'cannot write checkpoint[^:]*' "$out/full-disk.txt" | head -1)', resumed elsewhere to the same metrics.csv"
else
  echo "full disk: SKIPPED (cannot mount a ${size_kb} KB tmpfs here: needs root)"
fi
