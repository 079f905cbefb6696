#!/usr/bin/env bash
# The end-to-end benchmark: the whole stack on this machine (private Mosquitto and Redis, the alert
# API, the Flink job in a local MiniCluster) under rising unit-position load, with a panic press
# every 250 ms. Prints, per step, the offered rate, the bare-subscriber ceiling, the job's intake,
# Redis writes and press -> both tasks latency. Arguments: rates per second, --seconds S,
# --presses-per-second N (default 4).
#   deploy/bench/e2e.sh 5000 10000 20000 --seconds 20
# OSCAR_BENCH_JAVA_OPTS adds JVM options, e.g. a JFR recording of the whole run:
#   OSCAR_BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=e2e.jfr,settings=profile" deploy/bench/e2e.sh 10000
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/install-deps.sh
. deploy/bench/classpath.sh
echo "[e2e] $MACHINE"
# shellcheck disable=SC2086 # options are words
exec java ${OSCAR_BENCH_JAVA_OPTS:-} --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "$CP" org.oscar.stream.job.EndToEndBench "$@"
