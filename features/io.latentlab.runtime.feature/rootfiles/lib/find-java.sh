# Finds a JDK (or JRE) 21 or newer and exports JAVA_HOME; sourced by ./mvnw and by the
# product's `latentlab` launcher so that both choose Java the same way.
# Order: $JAVA_HOME if it is new enough, then the newest under /usr/lib/jvm, then `java` on PATH.

latentlab_java_major() { # $1: a Java home; prints its feature version (17, 21, 25...)
  version=""
  if [ -r "$1/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release")
  fi
  if [ -z "$version" ] && [ -x "$1/bin/java" ]; then
    version=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9][0-9]*\).*/\1/p')
  fi
  echo "${version:-0}"
}

latentlab_find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ "$(latentlab_java_major "$JAVA_HOME")" -ge 21 ]; then
    export JAVA_HOME
    return 0
  fi
  best="" best_major=0
  # find, not a glob: ./mvnw runs with `set -f`.
  for home in $(find /usr/lib/jvm -mindepth 1 -maxdepth 1 2>/dev/null | sort); do
    [ -x "$home/bin/java" ] || continue
    major=$(latentlab_java_major "$home")
    if [ "$major" -gt "$best_major" ]; then best="$home" best_major="$major"; fi
  done
  if [ "$best_major" -lt 21 ] && command -v java >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    major=$(latentlab_java_major "$home")
    if [ "$major" -gt "$best_major" ]; then best="$home" best_major="$major"; fi
  fi
  if [ "$best_major" -ge 21 ]; then
    export JAVA_HOME="$best"
    return 0
  fi
  echo "Latentlab needs Java 21 or newer; found none (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm, PATH): install a JDK 21+ such as Temurin 25 or set JAVA_HOME to one." >&2
  return 1
}
