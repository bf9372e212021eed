#!/usr/bin/env bash
# Auto-assignment benchmark (no Karaf): the line's AutoAssignment.run against plain loops over the
# same 10,000 families x 5 intents. See README.md.
#   benchmarks/selection/assign.sh [families=10000] [intents=5] [units=8000] [taken=2000] [runs=200]
# Build first: mvn -B compile -pl bundles/org.guangsha.selection (or mvn -B install -DskipTests).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
classes=$root/bundles/org.guangsha.selection/target/classes
[ -f "$classes/org/guangsha/selection/internal/assign/AutoAssignment.class" ] || {
  echo "Build first: mvn -B compile -pl bundles/org.guangsha.selection" >&2; exit 1; }
echo "# $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "$classes" "$root/benchmarks/selection/AssignBenchmark.java" "$@"
