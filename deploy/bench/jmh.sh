#!/usr/bin/env bash
# Runs the JMH benchmarks of the hot code (nearest-unit search, point-in-jurisdiction, payload
# decode) and prints their figures. Extra arguments go to JMH, e.g. a benchmark name pattern:
#   deploy/bench/jmh.sh Nearest
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/bench/classpath.sh
echo "[bench] $MACHINE"
exec java -cp "$CP" org.openjdk.jmh.Main -rf text -rff stream-jobs/target/jmh-result.txt "${@:-org.oscar.stream.bench}"
