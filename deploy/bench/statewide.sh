#!/usr/bin/env bash
# The statewide benchmark: the whole stack on this machine with the 30 shipped Odisha bundles, N units
# per district (default 300), every unit reporting its position every few seconds, and presses in every
# district at once. Prints press -> both tasks p50/p99 per district and the last checkpoint's size and
# duration. Arguments: --units-per-district N, --seconds S, --presses-per-second P, --report-every-s R.
#   deploy/bench/statewide.sh --units-per-district 300 --seconds 60
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/install-deps.sh
. deploy/bench/classpath.sh
echo "[statewide] $MACHINE"
# shellcheck disable=SC2086 # options are words
exec java ${OSCAR_BENCH_JAVA_OPTS:-} --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
  -cp "$CP" org.oscar.stream.job.StatewideBench "$@"
