#!/usr/bin/env bash
# Walks through the running local demo in headless Chromium and saves a screenshot of each step
# under target/tour/ (stream-jobs' DemoTour). Start it right after deploy/local/run.sh in another
# terminal: the demo's second survivor presses 45 s after the simulator starts, and the tour's crew
# must be on duty by then.
#   deploy/local/tour.sh [API base URL, default http://127.0.0.1:8080]
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/bench/classpath.sh
exec java -cp "$CP" org.oscar.stream.job.DemoTour "${1:-http://127.0.0.1:8080}" .run/device-secrets.json
