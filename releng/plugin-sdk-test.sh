#!/usr/bin/env bash
# The plugin SDK as a third-party author uses it, outside this source tree: for every kind,
# `latentlab plugins new KIND NAME` in a temporary directory, `./mvnw verify` in the new project
# (its tests run in OSGi with the test kit), `latentlab plugins install`, train the project's
# experiment, check the run records the plugin, uninstall, and check that the experiment is then
# refused naming the missing plugin; each run is also exported as ONNX (the templates' layer and
# activation write ONNX operators). Then the three example plugins of examples/plugins, built
# from the same templates (their own sources copied over the generated ones).
#   releng/plugin-sdk-test.sh PRODUCT_DIR [WORK_DIR]
# Budget: about 20 s per project build and 6 s per training here (2 cores), 4-5 minutes in all;
# the times are printed. The product's own plugin folder and runs are untouched.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
product="$(cd "$1" && pwd)"
work="${2:-$(mktemp -d /tmp/latentlab-sdk-test.XXXXXX)}"
rm -rf "$work" && mkdir -p "$work"
export LATENTLAB_VM_ARGS="-Dlatentlab.plugins=$work/plugins"
latentlab() { "$product/latentlab" "$@"; }
fail() { echo "plugin-sdk-test: $*" >&2; exit 1; }
started=$(date +%s)

# build, install, train, uninstall one project; $1 project dir, $2 bundle, $3 contribution id, $4 experiment
exercise() {
  local project=$1 bundle=$2 id=$3 experiment=$4 t0 t1 t2 run log="$work/$2.log"
  t0=$(date +%s)
  (cd "$project" && ./mvnw -B -q verify > "$log.build" 2>&1) || { tail -60 "$log.build"; fail "$bundle: ./mvnw verify failed"; }
  t1=$(date +%s)
  [ -z "$(find "$project/target" -maxdepth 1 -name '*-test-*.jar')" ] || fail "$bundle: test jars left in target/"
  size=$(du -sk "$project/target" | cut -f1)
  [ "$size" -lt 20480 ] || fail "$bundle: target/ holds ${size} KB (budget 20 MB)"
  latentlab plugins install "$project/target/$bundle-1.0.0.jar" > "$log.install"
  grep -q "provides: .*'$id'" "$log.install" || fail "$bundle: install does not name what it provides: $(cat "$log.install")"
  latentlab plugins list | grep -A1 "^$bundle " | grep -q "'$id'" || fail "$bundle: plugins list does not name '$id'"
  latentlab info | grep -q "$id ($bundle 1.0.0)" || fail "$bundle: info does not name '$id' with its bundle"
  (cd "$work" && latentlab train "$experiment" --runs "$work/runs" > "$log" 2>&1) || { cat "$log"; fail "$bundle: training failed"; }
  t2=$(date +%s)
  run=$(sed -n 's/^Run directory: //p' "$log")
  grep -q '^completed' "$run/status" || fail "$bundle: $run did not complete"
  grep -q "$bundle" "$run/bundles.json" || fail "$bundle: $run/bundles.json does not record the plugin"
  # the templates' and examples' layers and activations carry ONNX mappings: the run exports
  latentlab export "$run" --format onnx > "$log.onnx" 2>&1 || { cat "$log.onnx"; fail "$bundle: ONNX export failed"; }
  latentlab plugins uninstall "$bundle" > /dev/null
  if (cd "$work" && latentlab train "$experiment" --runs "$work/runs" > "$log.refused" 2>&1); then
    fail "$bundle: training succeeded with the plugin uninstalled"
  fi
  grep -q "'$id': it came from plugin $bundle 1.0.0, which is not installed now" "$log.refused" \
    || fail "$bundle: the refusal does not say that its plugin is missing: $(head -3 "$log.refused")"
  printf '%-34s build+test %3d s, target/ %5d KB, train %3d s, %d ONNX: %s\n' "$bundle" $((t1 - t0)) "$size" \
    $((t2 - t1)) "$(grep -c '\.onnx$' "$log.onnx")" "$(grep '^epoch' "$log" | tail -1)"
}

# docs/plugins.md's five commands as written there (the product is built already): my.act, id act
(cd "$work" && latentlab plugins new activation my.act > "$work/my.act.new.log") || { cat "$work/my.act.new.log"; fail "plugins new activation my.act failed"; }
exercise "$work/my.act" my.act act "$work/my.act/act.experiment.yaml"

# every kind, as `latentlab plugins new` writes it
for kind in activation layer loss optimizer schedule model dataset augmentation; do
  bundle="org.sdktest.my_$kind"
  (cd "$work" && latentlab plugins new "$kind" "$bundle" > "$work/$kind.new.log") || { cat "$work/$kind.new.log"; fail "plugins new $kind failed"; }
  exercise "$work/$bundle" "$bundle" "my_$kind" "$work/$bundle/my_$kind.experiment.yaml"
done

# the examples: generated from the same templates, then their own sources and experiment over the skeleton's
examples=("activation org.example.swish swish swish-autoencoder"
  "optimizer org.example.adagrad adagrad adagrad-autoencoder"
  "model org.example.denoising.vae denoising_vae denoising-vae")
for example in "${examples[@]}"; do
  read -r kind bundle id experiment <<< "$example"
  latentlab plugins new "$kind" "$bundle" --id "$id" --dir "$work/examples/$bundle" > /dev/null
  rm -rf "$work/examples/$bundle/src" "$work/examples/$bundle"/*.experiment.yaml
  cp -r "$repo/examples/plugins/$bundle/src" "$repo/examples/plugins/$bundle/$experiment.experiment.yaml" "$work/examples/$bundle/"
  exercise "$work/examples/$bundle" "$bundle" "$id" "$work/examples/$bundle/$experiment.experiment.yaml"
done
grep -q test_psnr_gain "$(sed -n 's/^Run directory: //p' "$work/org.example.denoising.vae.log")/summary.json" \
  || fail "the denoising VAE reported no PSNR gain"
# its page in the run editor: the PSNR gain figure, drawn at every epoch (2)
ls "$(sed -n 's/^Run directory: //p' "$work/org.example.denoising.vae.log")/figures/psnr-gain/epoch-002.json" > /dev/null \
  || fail "the denoising VAE drew no PSNR gain figure"

echo "plugin-sdk-test: docs/plugins.md's my.act, 8 kinds and 3 examples generated, built, tested, installed, trained and uninstalled in $(( $(date +%s) - started )) s"
