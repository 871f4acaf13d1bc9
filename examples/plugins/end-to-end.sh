#!/usr/bin/env bash
# Builds the three example plugins against Latentlab's p2 repository, installs them into a
# Latentlab product from the command line, trains each plugin's experiment, and uninstalls
# them: what a lab does with its own bundle. Usage: end-to-end.sh PRODUCT_DIR [WORK_DIR]
# (CI runs it after the main build; the product's own plugin folder and runs are untouched).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
product="$(cd "$1" && pwd)"
work="${2:-$here/target/end-to-end}"
rm -rf "$work" && mkdir -p "$work"
export LATENTLAB_VM_ARGS="-Dlatentlab.plugins=$work/plugins"
latentlab() { "$product/latentlab" "$@"; }
fail() { echo "end-to-end: $*" >&2; exit 1; }

"$here/mvnw" -B -q -f "$here/pom.xml" verify

plugins=(org.example.swish org.example.adagrad org.example.denoising.vae)
ids=(swish adagrad denoising_vae)
experiments=(org.example.swish/swish-autoencoder org.example.adagrad/adagrad-autoencoder
  org.example.denoising.vae/denoising-vae)

for plugin in "${plugins[@]}"; do
  latentlab plugins install "$here/$plugin/target/$plugin-1.0.0.jar"
done
latentlab plugins list | tee "$work/list.txt"
for plugin in "${plugins[@]}"; do
  grep -q "$plugin" "$work/list.txt" || fail "$plugin is not listed after install"
done
latentlab info > "$work/info.txt"
for id in "${ids[@]}"; do
  grep -qw "$id" "$work/info.txt" || fail "contribution $id is not in 'latentlab info'"
done
for plugin in "${plugins[@]}"; do
  grep -q "^  $plugin " "$work/info.txt" || fail "bundle $plugin is not among the installed bundles of 'latentlab info'"
done

for i in "${!experiments[@]}"; do
  (cd "$work" && latentlab train "$here/${experiments[$i]}.experiment.yaml" > "train-$i.log" 2>&1) \
    || { cat "$work/train-$i.log"; fail "training ${experiments[$i]} failed"; }
  run=$(sed -n 's/^Run directory: //p' "$work/train-$i.log")
  grep -q '^completed' "$run/status" || fail "$run did not complete"
  grep -q "${ids[$i]}" "$run/resolved.json" || fail "$run does not record ${ids[$i]}"
  grep -q "${plugins[$i]}" "$run/bundles.json" || fail "$run does not record bundle ${plugins[$i]}"
  echo "trained ${experiments[$i]}: $(grep '^epoch' "$work/train-$i.log" | tail -1)"
done
grep -q test_psnr_gain "$(sed -n 's/^Run directory: //p' "$work/train-2.log")/summary.json" \
  || fail "the denoising VAE reported no PSNR gain"

for plugin in "${plugins[@]}"; do
  latentlab plugins uninstall "$plugin"
done
latentlab plugins list > "$work/list-after.txt"
for plugin in "${plugins[@]}"; do
  if grep -q "$plugin" "$work/list-after.txt"; then fail "$plugin is still listed after uninstall"; fi
done
# an experiment that needs an uninstalled plugin is refused before training, naming the id
if (cd "$work" && latentlab train "$here/${experiments[1]}.experiment.yaml" > refused.log 2>&1); then
  fail "training with AdaGrad uninstalled succeeded"
fi
grep -q adagrad "$work/refused.log" || fail "the refusal does not name adagrad: $(cat "$work/refused.log")"
echo "end-to-end: three plugins built, installed, trained and uninstalled"
