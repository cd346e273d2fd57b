#!/usr/bin/env bash
# Builds the instrumented JDK image Fray runs its tests on, unless one of the right Fray version is already there.
#
#   build-fray-jdk.sh OUTPUT_DIR JDK25_HOME FRAY_VERSION JAR_DIR
#
# Fray's own Maven plugin (prepare-fray) jlinks the image from $JDK/jmods, which Temurin 25 does not ship. JDK 25
# can link from its run-time image instead (JEP 493), so this script does the plugin's jlink itself, with every
# module of the JDK except jdk.jlink (which cannot be linked from a run-time image) and jdk.jpackage (which needs
# it), and writes the version marker that makes prepare-fray reuse the image. JAR_DIR holds the jlink plugin's
# class path (fray-instrumentation-jdk, fray-runtime, fray-instrumentation-base, ASM, the Kotlin runtime; the fray
# module's pom copies them there). One link takes about a minute on two cores (56 s to 76 s measured under load); mvn clean deletes the image.
set -euo pipefail

if [ $# -ne 4 ]; then
  echo "usage: $0 OUTPUT_DIR JDK25_HOME FRAY_VERSION JAR_DIR" >&2
  exit 2
fi
out=$1 jdk=$2 version=$3 jars=$4

if [ -f "$out/fray-version" ] && [ "$(cat "$out/fray-version")" = "$version" ] && [ -x "$out/bin/java" ]; then
  echo "Fray JDK image $out (Fray $version) is up to date"
  exit 0
fi
if [ ! -x "$jdk/bin/jlink" ]; then
  echo "$0: no jlink in $jdk: Fray needs a JDK 25 (set -Dfray.jdk25=DIR)" >&2
  exit 1
fi
feature=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "$feature" != 25 ]; then
  echo "$0: $jdk is JDK $feature; Fray $version instruments JDK 25 only" >&2
  exit 1
fi

agent=$jars/fray-instrumentation-jdk-$version.jar
if [ ! -f "$agent" ]; then
  echo "$0: no $agent" >&2
  exit 1
fi
cp=$(ls "$jars"/*.jar | paste -sd: -)
rm -rf "$out"
mkdir -p "$(dirname "$out")"
modules=$("$jdk/bin/java" --list-modules | sed 's/@.*//' | grep -vE '^jdk\.(jlink|jpackage)$' | paste -sd, -)
echo "Linking the Fray JDK image into $out (about a minute)"
"$jdk/bin/jlink" "-J-javaagent:$agent" "-J--module-path=$cp" -J--add-modules=org.pastalab.fray.instrumentation.jdk \
  "-J--class-path=$cp" "--output=$out" "--add-modules=$modules" --release-info add:IMPLEMENTOR=Fray \
  --fray-instrumentation
printf '%s' "$version" > "$out/fray-version"
