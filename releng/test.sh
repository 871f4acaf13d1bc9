#!/usr/bin/env bash
# README's test command: every test, from a fresh clone on a fresh Debian machine. Installs what
# the machine lacks (Xvfb, GTK 3, ImageMagick, xdotool), builds with the Maven wrapper, and runs
# the JUnit tests in OSGi, the workbench tests under Xvfb, the product smoke test and the README
# walk (all in `./mvnw verify`), then the plugin SDK test (every kind of `latentlab plugins new`
# and the example plugins, built, installed, trained), then the Spark driver's tests (local mode and a
# local standalone cluster). .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

# Xvfb (+ xauth for xvfb-run) for the UI tests, GTK 3 for SWT, ImageMagick's `import` and
# xdotool for the product smoke test (screenshot, wait for the window).
packages=(xvfb xauth imagemagick xdotool)
if apt-cache show libgtk-3-0t64 >/dev/null 2>&1; then packages+=(libgtk-3-0t64); else packages+=(libgtk-3-0); fi
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B verify
releng/plugin-sdk-test.sh product/target/products/io.latentlab.product/linux/gtk/x86_64/latentlab

# The Spark driver (a plain Maven module outside the product: Spark is the cluster's, provided scope)
# against the product just built: a sweep on local[2] and on a standalone cluster of a Master and two
# Workers on 127.0.0.1 (shared secret on) each gives the table `latentlab sweep` gives (docs/cluster.md).
./mvnw -B -f distributed/spark/pom.xml verify \
  -Dlatentlab.product="$PWD/product/target/products/io.latentlab.product/linux/gtk/x86_64/latentlab/latentlab"
