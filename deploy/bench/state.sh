#!/usr/bin/env bash
# State and checkpoint size of the job as units and open incidents grow (StateSizeBench): the real
# job graph in a local MiniCluster on a synthetic uplink, figures read from Flink's REST API.
#   deploy/bench/state.sh [units…] [--incidents M]     (default: 10000 100000 1000000 --incidents 1000)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -ntp -DskipTests install -pl stream-jobs -am
mvn -B -q -ntp test-compile -pl stream-jobs
mvn -B -q -ntp dependency:build-classpath -pl stream-jobs -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/stream-jobs/target/bench-classpath.txt"
CP="stream-jobs/target/test-classes:stream-jobs/target/classes:$(cat stream-jobs/target/bench-classpath.txt)"
echo "[state] $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
exec java -Xmx${OSCAR_BENCH_HEAP:-8g} --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$CP" org.oscar.stream.bench.StateSizeBench "$@"
