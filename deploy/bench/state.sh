#!/usr/bin/env bash
# State and checkpoint size of the job as units and open incidents grow (StateSizeBench): the real
# job graph in a local MiniCluster on a synthetic uplink, figures read from Flink's REST API.
#   deploy/bench/state.sh [units…] [--incidents M]     (default: 10000 100000 1000000 --incidents 1000)
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/bench/classpath.sh
echo "[state] $MACHINE"
exec java -Xmx${OSCAR_BENCH_HEAP:-8g} --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$CP" org.oscar.stream.bench.StateSizeBench "$@"
