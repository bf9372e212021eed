#!/usr/bin/env bash
# Render benchmark: the two-page lease contract rendered to PDF again and again in one JVM after a
# warm-up; prints p50/p99 render time and the file size.
#   benchmarks/render.sh [renders] [threads]   (build first: mvn -B -DskipTests install, or at least
#                                               mvn -B compile -pl bundles/org.guangsha.platform)
set -euo pipefail
renders=${1:-200}; threads=${2:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/benchmarks/target/render
classes=$root/bundles/org.guangsha.platform/target/classes
if [ ! -f "$classes/org/guangsha/platform/internal/document/font/NotoSansSC-Regular.ttf" ]; then
  echo "Build the core first: mvn -B compile -pl bundles/org.guangsha.platform" >&2; exit 1
fi
mkdir -p "$work"
(cd "$root" && mvn -B -q dependency:build-classpath -pl bundles/org.guangsha.platform \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/classpath.txt")
echo "# $(nproc) cores, $(java -version 2>&1 | head -1)"
# FontBox warns once that the font's format 14 cmap (variation sequences) is ignored; PDFBox logs
# through commons-logging, here bridged to slf4j-simple
java -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
  -cp "$classes:$(cat "$work/classpath.txt")" "$root/benchmarks/RenderBenchmark.java" \
  "$renders" "$threads" "$work/lease-contract.pdf"
echo "# the last PDF: $work/lease-contract.pdf"
