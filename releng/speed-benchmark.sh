#!/usr/bin/env bash
# The speed benchmark: Latentlab against PyTorch on this CPU, side by side in one invocation.
#   releng/speed-benchmark.sh [THREADS ...]      (default: 1 2)
# For each thread count: the speed plan (benchmarks/speed/plan.yaml: every row trained through
# `latentlab benchmark`, then by benchmarks/pytorch/reference.py with the same settings), then the
# engine benchmark (our step loop, DL4J and PyTorch on the same steps). Installs Debian's
# python3-torch and libopenblas0-pthread (so that PyTorch's BLAS is OpenBLAS, not the reference
# BLAS) when missing, and builds the product when it is not built. Reads MNIST from
# ../shared/datasets/mnist. JSON goes to bench-results/.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for package in python3-torch libopenblas0-pthread; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -f ../shared/datasets/mnist/train-images-idx3-ubyte.gz ] || {
  echo "speed-benchmark: the benchmarks read the full MNIST from ../shared/datasets/mnist (train-images-idx3-ubyte.gz...)" >&2
  exit 1
}

latentlab=product/target/products/io.latentlab.product/linux/gtk/x86_64/latentlab/latentlab
[ -x "$latentlab" ] || ./mvnw -B -q package -DskipTests

stamp=$(date +%Y%m%d-%H%M%S)
runs=$(mktemp -d)
trap 'rm -rf "$runs"' EXIT
[ $# -gt 0 ] || set -- 1 2
for t in "$@"; do
  echo "== $t thread(s): the speed plan"
  # one process per row, so that each row's peak memory is its own
  row=0
  while IFS= read -r name; do
    row=$((row + 1))
    LATENTLAB_THREADS=$t OMP_NUM_THREADS=$t "$latentlab" benchmark benchmarks/speed/plan.yaml --only "$name" \
      --runs "$runs/$t" --out "bench-results/speed-${t}t-$stamp-row$row.json" </dev/null
  done < <(sed -n 's/^  - name: //p' benchmarks/speed/plan.yaml)
  echo "== $t thread(s): the engine benchmark"
  ./mvnw -B -q -f benchmarks/pom.xml verify -Pbench -Dbench.threads="$t"
done
