#!/usr/bin/env bash
# How many unit reports a second the job alone takes (JobThroughputBench): the real job graph in a
# local MiniCluster on a synthetic uplink as fast as it can generate, no broker.
#   deploy/bench/throughput.sh [units] [--seconds S] [--warmup W] [--parallelism P] [--checkpoint-ms C]
# The heap is fixed and touched at start: a growing heap showed as page faults (system time) that
# stalled the job for seconds at a time.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/bench/classpath.sh
echo "[throughput] $MACHINE"
exec java -Xmx${OSCAR_BENCH_HEAP:-4g} -Xms${OSCAR_BENCH_HEAP:-4g} -XX:+AlwaysPreTouch ${OSCAR_BENCH_JAVA_OPTS:-} --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED -cp "$CP" org.oscar.stream.bench.JobThroughputBench "$@"
