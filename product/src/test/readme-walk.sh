#!/usr/bin/env bash
# Walks README's command list against the materialized product: every `latentlab` command and
# option README names is run once, on tiny runs, and its outcome checked; a command or option
# README lists that this walk does not run, or one `latentlab help` lists that README does not,
# fails the walk. So a claim that stops being true fails the build.
# Usage: readme-walk.sh PRODUCT_DIR OUTPUT_DIR
set -euo pipefail
product=$(cd "$1" && pwd)
mkdir -p "$2"; out=$(cd "$2" && pwd)
repository=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LATENTLAB_VM_ARGS="${LATENTLAB_VM_ARGS:-} -Dlatentlab.plugins=$work/plugins"
cd "$work"
walked="$out/walked.txt"
: > "$walked"
commands="$out/readme-commands.txt" # README's command list
sed -n '/^```text$/,/^```$/p' "$repository/README.md" | grep '^latentlab ' > "$commands"
fail() { echo "README walk FAILED: $*" >&2; exit 1; }

# Runs `latentlab ARGS...`, keeping its output in $log; records the command and options used.
ll() {
  local name="$1"; shift
  log="$out/$name.log"
  echo "\$ latentlab $*" >> "$out/commands.txt"
  local words=("$@")
  local command="${words[0]:-}"
  [ "$command" = plugins ] && command="plugins ${words[1]:-}"
  echo "$command" >> "$walked"
  for word in "${words[@]}"; do
    case "$word" in --*) echo "$command $word" >> "$walked" ;; esac
  done
  env -u DISPLAY "$product/latentlab" "$@" > "$log" 2>&1
}
expect_ok() { ll "$@" || { cat "$log"; fail "latentlab ${*:2} exited $?"; }; }
expect_refused() { # exit 2 and a message, no stack trace
  local status=0
  ll "$@" || status=$?
  [ "$status" = 2 ] || { cat "$log"; fail "latentlab ${*:2} exited $status, not 2"; }
  if grep -q '^\s*at [a-z]' "$log"; then cat "$log"; fail "latentlab ${*:2} printed a stack trace"; fi
}
run_of() { sed -n 's/^Run directory: //p' "$1" | tail -n1; }
contains() { grep -q -- "$2" "$1" || { cat "$1"; fail "$1 lacks '$2'"; }; }

tiny() { # tiny NAME MODEL-BLOCK [TRAINING]
  cat > "$1.experiment.yaml" <<EOF
name: $1
description: README walk, $1
seed: 3
dataset: {id: mnist, train_limit: 256, test_limit: 128}
model:
$2
optimizer: {id: adam, learning_rate: 0.003}
training: {epochs: ${3:-1}, batch_size: 64}
EOF
}
tiny ae "  id: autoencoder
  encoder:
    - dense: {units: 32, activation: relu}
  decoder:
    - dense: {units: 784, activation: sigmoid}"
tiny vae "  id: vae
  latent_dim: 2
  encoder:
    - dense: {units: 32, activation: relu}
  decoder:
    - dense: {units: 32, activation: relu}
    - dense: {units: 784, activation: sigmoid}"
tiny cvae "  id: vae
  latent_dim: 2
  conditional: true
  encoder:
    - dense: {units: 32, activation: relu}
  decoder:
    - dense: {units: 784, activation: sigmoid}"
tiny stacked "  id: stacked_autoencoder
  pretrain_epochs: 1
  encoder:
    - dense: {units: 32, activation: relu}" 2
tiny slow "  id: autoencoder
  encoder:
    - dense: {units: 32, activation: relu}
  decoder:
    - dense: {units: 784, activation: sigmoid}" 400

expect_ok help help
for command in $(sed -n 's/^  \([a-z-]*\) .*/\1/p' "$log"); do
  grep -q "^latentlab $command " "$commands" \
    || fail "'latentlab help' lists '$command', README's command list does not"
done
expect_ok info info
contains "$log" "Models and their networks"

# train, list, eval, sample, anomaly, cluster on a tiny autoencoder
expect_ok train-ae train ae.experiment.yaml --runs runs
ae=$(run_of "$log"); [ -n "$ae" ] || fail "train printed no run directory"
contains "$ae/status" completed
# a seed group: one run per seed, then the mean +/- std
sed 's/^seed: 3$/seed: 3\nrepeat: 2/; s/^name: ae$/name: ae-seeds/' ae.experiment.yaml > ae-seeds.experiment.yaml
expect_ok train-seeds train ae-seeds.experiment.yaml --runs seeds-walk
contains "$log" "Group directory: "
contains "$log" "test_bce .* +/- .*(mean +/- std over 2 runs)"
[ "$(ls -d seeds-walk/seeds-ae-seeds/*-ae-seeds-seed-3 seeds-walk/seeds-ae-seeds/*-ae-seeds-seed-4 | wc -l)" = 2 ] \
  || fail "the seed group did not train seeds 3 and 4 into seeds-walk/seeds-ae-seeds/"
expect_ok list list runs
contains "$log" "README walk, ae"
expect_ok eval eval "$ae"
[ -s "$ae/eval.json" ] || fail "eval wrote no eval.json"
expect_ok sample sample "$ae" --n 16 --out "$work/ae-sample.png"
[ -s "$work/ae-sample.png" ] || fail "sample --out wrote nothing"
# argument mistakes: each its own plain message, exit 2
expect_refused sample-zero sample "$ae" --n 0
contains "$log" "latentlab sample: --n takes a whole number from 1 to 4096, not '0'"
expect_refused sample-missing sample "$work/no-such-run"
contains "$log" "latentlab sample: no such run directory: $work/no-such-run"
expect_refused eval-not-a-run eval "$work"
contains "$log" "is not a run directory: it has no experiment.yaml"
expect_ok anomaly anomaly "$ae" --normal 0
contains "$log" "ROC AUC"
expect_ok cluster cluster "$ae" --k 3
contains "$log" "accuracy"
expect_ok export export "$ae" --format npz --out "$work/ae.npz"
contains "$log" "reconstructions \[128, 1, 28, 28\] float32"
[ "$(head -c 2 "$work/ae.npz")" = PK ] || fail "export wrote no .npz (zip) file"
expect_ok export-onnx export "$ae" --format onnx
contains "$log" "Wrote 1 ONNX model (opset 17"
[ -s "$ae/onnx/autoencoder.onnx" ] || fail "export --format onnx wrote no $ae/onnx/autoencoder.onnx"
expect_refused export-tflite export "$ae" --format tflite
contains "$log" "formats: npz, onnx"
# the exported arrays train again as a NumPy dataset: a round trip through the .npz
cat > numpy.experiment.yaml <<EOF
name: numpy-round-trip
seed: 3
dataset: {id: numpy, train_file: $work/ae.npz, test_file: $work/ae.npz, features: inputs, labels: labels}
model:
  id: autoencoder
  encoder:
    - dense: {units: 16, activation: relu}
  decoder:
    - dense: {units: 784, activation: sigmoid}
optimizer: {id: adam, learning_rate: 0.003}
training: {epochs: 1, batch_size: 64}
EOF
expect_ok train-numpy train numpy.experiment.yaml --runs numpy-runs
grep -q '^completed' "$(run_of "$log")/status" || fail "training on the exported .npz did not complete"

# a VAE with a 2-D latent space: generation, interpolation, latent map with the manifold
expect_ok train-vae train vae.experiment.yaml --runs runs
vae=$(run_of "$log")
expect_ok sample-prior sample "$vae" --prior --n 16 --out "$work/prior.png"
expect_ok export-decoder export "$vae" --format onnx --network decoder --out "$work/vae-decoder.onnx"
[ -s "$work/vae-decoder.onnx" ] || fail "export --network decoder --out wrote nothing"
expect_refused export-no-network export "$vae" --format onnx --network generator
contains "$log" "has no network 'generator'; its networks: encoder, decoder"
[ -s "$work/prior.png" ] || fail "sample --prior wrote nothing"
expect_ok interpolate interpolate "$vae" --from 0 --to 1 --steps 5 --spherical --out "$work/strip.png"
[ -s "$work/strip.png" ] || fail "interpolate wrote no strip"
expect_ok latent-map latent-map "$vae" --out "$work/map"
contains "$log" "decoded 20x20"

# a conditional VAE's latent space holds style: the latent tools say so (README says they refuse it)
expect_ok train-cvae train cvae.experiment.yaml --runs runs
cvae=$(run_of "$log")
if ll interpolate-cvae interpolate "$cvae" --from 0 --to 1; then fail "interpolate accepted a conditional VAE"; fi
contains "$log" "conditional VAE"

# stop with Ctrl-C (SIGINT), then resume to the end
(env -u DISPLAY "$product/latentlab" train slow.experiment.yaml --runs runs > "$out/train-slow.log" 2>&1) &
trainer=$!
for _ in $(seq 1 120); do ls runs/*-slow/progress.txt >/dev/null 2>&1 && break; sleep 0.5; done
pkill -INT -f "slow.experiment.yaml" || true
wait "$trainer" || true
slow=$(ls -d runs/*-slow)
contains "$slow/status" stopped
echo resume >> "$walked"
# a resume to the end of 400 tiny epochs would take minutes: resume, then stop it again
(env -u DISPLAY "$product/latentlab" resume "$slow" > "$out/resume.log" 2>&1) &
resumer=$!
sleep 8
pkill -INT -f "resume $slow" || true
wait "$resumer" || true
contains "$slow/run.log" "resumed at step"
contains "$slow/status" stopped

# branch from the stacked autoencoder's fine-tuning phase
expect_ok train-stacked train stacked.experiment.yaml --runs runs
stacked=$(run_of "$log")
expect_ok branch branch "$stacked" --phase 2 stacked.experiment.yaml
contains "$log" "Run directory:"

# race and sweep (and Ctrl-C stops a sweep's trials)
expect_ok race race ae.experiment.yaml --optimizers sgd,adam --runs races
contains "$log" "race-ae.csv"
# a second start keeps the completed entrants; a cluster task's entrant alone; the entrants as JSON
expect_ok race-again race ae.experiment.yaml --optimizers sgd,adam --runs races
[ "$(ls -d races/race-ae/*-ae-* | wc -l)" = 2 ] || fail "a second race trained its entrants again: $(ls races/race-ae)"
expect_ok race-entrant race ae.experiment.yaml --optimizers sgd,adam --entrant adam --runs races
contains "$log" "(completed)"
expect_ok race-trials trials ae.experiment.yaml --optimizers sgd,adam
contains "$log" '"folder": "race-ae"'
cp ae.experiment.yaml sweep.experiment.yaml
printf 'sweep:\n  parameters:\n    optimizer.learning_rate: [0.001, 0.003]\n' >> sweep.experiment.yaml
expect_ok sweep sweep sweep.experiment.yaml --workers 2 --runs sweeps
contains sweeps/sweep-sweep/sweep.csv completed
# what a cluster driver uses: the trials as JSON, and one trial alone (a task's), skipped when done
expect_ok trials trials sweep.experiment.yaml
contains "$log" '"name": "ae-trial-02"'
contains "$log" '"folder": "sweep-sweep"'
size=$(wc -c < sweeps/sweep-sweep/*-ae-trial-02/metrics.csv)
expect_ok sweep-trial sweep sweep.experiment.yaml --trial ae-trial-02 --runs sweeps
contains "$log" "ae-trial-02 (completed)"
[ "$(wc -c < sweeps/sweep-sweep/*-ae-trial-02/metrics.csv)" = "$size" ] || fail "sweep --trial retrained a finished trial"
# one model trained by two processes (what a cluster's tasks run), meeting through a shared folder
export LATENTLAB_RING_SECRET=readme-walk-secret-0123456789
( ll train-rank-1 train-rank ae.experiment.yaml --rank 1 --ranks 2 --run parallel/ae --rendezvous parallel/meet \
    --host 127.0.0.1 ) & rank1=$!
expect_ok train-rank-0 train-rank ae.experiment.yaml --rank 0 --ranks 2 --run parallel/ae --rendezvous parallel/meet \
    --host 127.0.0.1
wait $rank1 || { cat "$out/train-rank-1.log"; fail "rank 1 of train-rank failed"; }
contains "$log" "parallel/ae (completed)"
grep -Eq '"processes": ?2' parallel/ae/summary.json || fail "the data-parallel run's summary lacks its 2 processes"
unset LATENTLAB_RING_SECRET
expect_refused train-rank-no-secret train-rank ae.experiment.yaml --rank 0 --ranks 2 --run parallel/x --rendezvous parallel/y
contains "$log" "LATENTLAB_RING_SECRET"
expect_refused train-rank-sweep train-rank sweep.experiment.yaml --rank 0 --ranks 1 --run parallel/s --rendezvous parallel/m
contains "$log" "train-rank trains one run"
expect_refused sweep-no-trial sweep sweep.experiment.yaml --trial ae-trial-03 --runs sweeps
contains "$log" "the sweep has no trial ae-trial-03; its trials: ae-trial-01, ae-trial-02"
cp slow.experiment.yaml long-sweep.experiment.yaml
printf 'sweep:\n  parameters:\n    optimizer.learning_rate: [0.001, 0.003, 0.01]\n' >> long-sweep.experiment.yaml
(env -u DISPLAY "$product/latentlab" sweep long-sweep.experiment.yaml --workers 2 --runs sweeps \
  > "$out/sweep-interrupted.log" 2>&1) &
sweeper=$!
for _ in $(seq 1 120); do ls sweeps/sweep-long-sweep/*/progress.txt >/dev/null 2>&1 && break; sleep 0.5; done
pkill -INT -f "long-sweep.experiment.yaml" || true
for _ in $(seq 1 60); do kill -0 "$sweeper" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$sweeper" 2>/dev/null; then kill -KILL "$sweeper"; fail "Ctrl-C did not stop the sweep within 30 s"; fi
for status in sweeps/sweep-long-sweep/*/status; do
  contains "$status" stopped # each trial that had started stopped after its step, with a checkpoint
done

# benchmark a tiny plan, with --only and --skip
cat > plan.yaml <<EOF
rows:
  - {name: tiny AE, experiment: ae.experiment.yaml, metric: test_bce, target: "<= 1"}
  - {name: tiny VAE, experiment: vae.experiment.yaml, metric: test_neg_elbo}
EOF
expect_ok benchmark-only benchmark plan.yaml --only "tiny AE"
contains "$log" "tiny AE"
expect_ok benchmark-skip benchmark plan.yaml --skip "tiny AE"
if grep -q "tiny AE" "$log"; then fail "benchmark --skip ran the skipped row"; fi

# plugins: a minimal bundle installed, listed, uninstalled
mkdir -p plugin-build/META-INF
printf 'Manifest-Version: 1.0\nBundle-ManifestVersion: 2\nBundle-SymbolicName: org.example.walk\nBundle-Version: 1.0.0\n' \
  > plugin-build/manifest.txt
(cd plugin-build && "$(dirname "$(readlink -f "$(command -v java)")")/jar" cfm ../walk.jar manifest.txt >/dev/null 2>&1) \
  || (cd plugin-build && jar cfm ../walk.jar manifest.txt)
expect_ok plugins-install plugins install walk.jar
expect_ok plugins-list plugins list
contains "$log" org.example.walk
expect_ok plugins-uninstall plugins uninstall org.example.walk
# a plugin project written (releng/plugin-sdk-test.sh builds, installs and trains every kind)
expect_ok plugins-new plugins new activation org.example.walkact --dir walk-plugin --id walk_act
contains "$log" "Wrote the activation plugin org.example.walkact (id 'walk_act')"
[ -x walk-plugin/mvnw ] && [ -f walk-plugin/src/main/java/org/example/walkact/WalkAct.java ] \
  && [ -f walk-plugin/walk_act.experiment.yaml ] || fail "plugins new did not write the project"
expect_refused plugins-new-bad-name plugins new activation Org.Example
contains "$log" "not a lower-case Java identifier"

# one contribution's parameters, from its settings record
expect_ok info-dense info dense
contains "$log" "layer 'dense': Dense (fully connected) (io.latentlab.layers.core"
contains "$log" "use_bias"
expect_refused info-unknown info desne
contains "$log" "did you mean 'dense'?"

# errors are answered plainly
expect_refused refused-missing train no-such.experiment.yaml

# every command and option README's list names was walked
while IFS= read -r line; do
  case "$line" in "latentlab  "*) continue ;; esac  # `latentlab` alone opens the workbench: the smoke test starts it
  command=$(echo "$line" | awk '{print $2}')
  case "$command" in
    plugins)
      for sub in list install uninstall new; do grep -qx "plugins $sub" "$walked" || fail "README's 'plugins $sub' was not walked"; done
      for option in $(echo "$line" | grep -o -- '--[a-z-]*' | sort -u); do
        grep -qx "plugins new $option" "$walked" || fail "README lists 'latentlab plugins new $option', the walk did not run it"
      done
      continue ;;
  esac
  grep -qx "$command" "$walked" || fail "README lists 'latentlab $command', the walk did not run it"
  for option in $(echo "$line" | grep -o -- '--[a-z-]*' | sort -u); do
    grep -qx "$command $option" "$walked" || fail "README lists 'latentlab $command $option', the walk did not run it"
  done
done < "$commands"
echo "README walk passed: $(sort -u "$walked" | wc -l) commands and options; logs in $out"
