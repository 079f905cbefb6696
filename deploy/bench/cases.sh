#!/usr/bin/env bash
# The case register at scale: N synthetic cases in a private PostgreSQL, the alert API over it,
# then a district's case list read by U concurrent OSC users and service events written by W.
# Prints p50/p95/p99 of each (docs/benchmarks.md). Arguments: [cases] [users] [seconds] [writers].
#   deploy/bench/cases.sh 1000000 50 30 10
set -euo pipefail
cd "$(dirname "$0")/../.."
deploy/install-deps.sh
. deploy/bench/classpath.sh
echo "[cases] $MACHINE"
# shellcheck disable=SC2086 # options are words
exec java ${OSCAR_BENCH_JAVA_OPTS:-} -cp "$CP" org.oscar.stream.bench.CaseRegisterBench "$@"
