#!/usr/bin/env bash
# Runs the JMH benchmarks of the hot code (nearest-unit search, point-in-jurisdiction, payload
# decode) and prints their figures. Extra arguments go to JMH, e.g. a benchmark name pattern:
#   deploy/bench/jmh.sh Nearest
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -ntp -DskipTests install -pl stream-jobs -am
mvn -B -q -ntp test-compile -pl stream-jobs
mvn -B -q -ntp dependency:build-classpath -pl stream-jobs -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/stream-jobs/target/bench-classpath.txt"
CP="stream-jobs/target/test-classes:stream-jobs/target/classes:$(cat stream-jobs/target/bench-classpath.txt)"
echo "[bench] $(nproc) cores, $(java -version 2>&1 | head -n 1), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
exec java -cp "$CP" org.openjdk.jmh.Main -rf text -rff stream-jobs/target/jmh-result.txt "${@:-org.oscar.stream.bench}"
