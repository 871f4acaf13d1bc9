#!/usr/bin/env bash
# Starts the materialized product the way a user does, through its `latentlab` script:
# first `latentlab info` (headless, no display), then the workbench on $DISPLAY (Xvfb in CI):
# waits for the main window, takes a screenshot, and stops it. Prints the start-up times.
# Usage: product-smoke-test.sh PRODUCT_DIR OUTPUT_DIR
set -euo pipefail
product=$(cd "$1" && pwd)
mkdir -p "$2"; out=$(cd "$2" && pwd)
mkdir -p "$out"
now_ms() { date +%s%3N; }
fail() { echo "product smoke test FAILED: $*" >&2; exit 1; }

start=$(now_ms)
env -u DISPLAY "$product/latentlab" info > "$out/info.txt" 2>&1 || { cat "$out/info.txt"; fail "latentlab info exited non-zero"; }
info_ms=$(( $(now_ms) - start ))
cat "$out/info.txt"
grep -q '^ND4J .*CpuBackend' "$out/info.txt" || fail "latentlab info did not report the CPU backend"
grep -q 'io.latentlab.nd4j' "$out/info.txt" || fail "latentlab info did not list io.latentlab.nd4j"
echo "latentlab info: ${info_ms} ms start to exit"

# A JVM crash reports into LATENTLAB_CRASH_DIR, never into the current directory: a JVM that runs
# out of its 16 MB heap during start-up is told to crash (CrashOnOutOfMemoryError).
crashes=$(mktemp -d); cwd=$(mktemp -d)
if (cd "$cwd" && env -u DISPLAY LATENTLAB_CRASH_DIR="$crashes" LATENTLAB_VM_ARGS="-Xmx16m -XX:+CrashOnOutOfMemoryError" \
    "$product/latentlab" info > "$out/crash.txt" 2>&1); then
  fail "latentlab with a 16 MB heap and CrashOnOutOfMemoryError did not crash"
fi
ls "$crashes"/hs_err_pid*.log > /dev/null 2>&1 || { cat "$out/crash.txt"; fail "no crash report in LATENTLAB_CRASH_DIR"; }
[ -z "$(ls "$cwd")" ] || fail "the crash left files in the current directory: $(ls "$cwd")"
rm -rf "$crashes" "$cwd"
echo "crash report: written to LATENTLAB_CRASH_DIR"

# The main job, headless: train a small version of the example experiment on the embedded MNIST.
work=$(mktemp -d)
sed -e 's/epochs: 10/epochs: 1/' -e 's/  id: mnist/  id: mnist\n  train_limit: 1024/' \
  "$(cd "$(dirname "$0")/../../.." && pwd)/examples/autoencoder.experiment.yaml" > "$work/smoke.experiment.yaml"
start=$(now_ms)
(cd "$work" && env -u DISPLAY "$product/latentlab" train smoke.experiment.yaml) > "$out/train.txt" 2>&1 \
  || { cat "$out/train.txt"; fail "latentlab train exited non-zero"; }
train_ms=$(( $(now_ms) - start ))
cat "$out/train.txt"
run=$(ls -d "$work"/runs/*-dense-autoencoder)
grep -q '"status": "completed"' "$run/summary.json" || fail "the training run did not complete: $(cat "$run/status")"
[ -s "$run/samples/epoch-001.png" ] && [ -s "$run/checkpoints/last.ckpt" ] || fail "the run lacks its sample grid or checkpoint"
cp "$run/samples/epoch-001.png" "$out/train-samples.png"
echo "latentlab train (1 epoch, 1024 images): ${train_ms} ms"
rm -rf "$work"

[ -n "${DISPLAY:-}" ] || fail "no DISPLAY: run the tests under xvfb-run (see README)"
command -v xdotool >/dev/null || fail "xdotool is missing (apt-get install xdotool)"
workspace=$(mktemp -d)
start=$(now_ms)
LATENTLAB_WORKSPACE="$workspace" "$product/latentlab" > "$out/workbench.log" 2>&1 &
pid=$!
window=$(timeout 120 xdotool search --sync --onlyvisible --name '^Latentlab *$' | head -n1) || true
window_ms=$(( $(now_ms) - start ))
if [ -z "$window" ]; then
  kill "$pid" 2>/dev/null || true
  cat "$out/workbench.log"
  fail "no window titled Latentlab within 120 s"
fi
echo "workbench: window shown ${window_ms} ms after launch"
sleep 3 # let the views paint
import -window root "$out/product-window.png"
kill -TERM "$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fail "workbench did not stop within 30 s of SIGTERM"; fi
rm -rf "$workspace"
if grep -E '^!ENTRY .* (4|2) ' "$out/workbench.log" >/dev/null; then
  echo "workbench log has errors or warnings (see $out/workbench.log):"
  grep -A2 -E '^!ENTRY .* (4|2) ' "$out/workbench.log" | head -40
fi
printf '{"info_ms": %d, "train_ms": %d, "window_ms": %d}\n' "$info_ms" "$train_ms" "$window_ms" > "$out/timings.json"
echo "product smoke test passed; screenshot: $out/product-window.png"
