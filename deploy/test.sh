#!/usr/bin/env bash
# Runs every test: unit tests, then integration tests that start their own Mosquitto, Redis,
# Flink MiniCluster and alert API on free loopback ports.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/install-deps.sh
exec mvn -B -ntp verify "$@"
