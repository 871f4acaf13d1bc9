#!/usr/bin/env bash
# Regenerates META-INF/MANIFEST.MF from the jars in lib/ (Bundle-ClassPath) and the
# org.nd4j / org.bytedeco packages they contain (Export-Package).
# Run after changing a dependency version in pom.xml:
#   (cd ../.. && ./mvnw -q initialize -pl bundles/io.latentlab.nd4j -am) && ./update-manifest.sh
set -euo pipefail
cd "$(dirname "$0")"
[ -n "$(ls lib/*.jar 2>/dev/null)" ] || { echo "lib/ is empty: run ./mvnw -q initialize -pl bundles/io.latentlab.nd4j -am at the top first" >&2; exit 1; }
nd4j_version=1.0.0
javacpp_version=1.5.7
{
  cat <<'HEAD'
Manifest-Version: 1.0
Bundle-ManifestVersion: 2
Bundle-Name: ND4J (wrapped for OSGi)
Bundle-SymbolicName: io.latentlab.nd4j
Bundle-Version: 0.1.0.qualifier
Bundle-Vendor: Latentlab
Bundle-RequiredExecutionEnvironment: JavaSE-21
Automatic-Module-Name: io.latentlab.nd4j
Eclipse-BundleShape: dir
Import-Package: org.osgi.annotation.versioning;version="[1.1,2)";resolution:=optional
DynamicImport-Package: javax.*,sun.*,com.sun.*,org.w3c.*,org.xml.*,org.ietf.*
HEAD
  printf 'Bundle-ClassPath: .'
  for jar in lib/*.jar; do printf ',\n %s' "$jar"; done
  printf '\n'
  printf 'Export-Package: io.latentlab.nd4j;version="0.1.0"'
  for jar in lib/*.jar; do unzip -Z1 "$jar"; done | grep '\.class$' | sed 's#/[^/]*$##' | tr / . | sort -u |
    grep -E '^org\.(nd4j|bytedeco)\.' | while read -r pkg; do
      case "$pkg" in
        org.bytedeco.*) printf ',\n %s;version="%s"' "$pkg" "$javacpp_version" ;;
        *) printf ',\n %s;version="%s"' "$pkg" "$nd4j_version" ;;
      esac
    done
  printf '\n'
} > META-INF/MANIFEST.MF
echo "META-INF/MANIFEST.MF: $(ls lib/*.jar | wc -l) jars, $(grep -c ';version=' META-INF/MANIFEST.MF) exported packages"
