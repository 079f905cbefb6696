#!/usr/bin/env bash
# The device registry as one validation instance sees it, at N devices (default 1 000 000): load
# time, heap per device, cached lookup, read-through and revocation latency. See docs/benchmarks.md.
#   deploy/bench/registry.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/bench/classpath.sh
echo "[registry] $MACHINE"
exec java -Xmx${OSCAR_BENCH_HEAP:-4g} -cp "$CP" org.oscar.stream.bench.RegistryBench "$@"
