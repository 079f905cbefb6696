#!/usr/bin/env bash
# A standalone Flink cluster on this machine: one JobManager and N TaskManagers, each its own JVM,
# started from Flink's own standalone entrypoints. Flink's binary distribution is not available
# here, so the classpath is assembled from Flink's runtime artifacts by this module
# (mvn package → deploy/flink-cluster/target/lib); nothing of OSCAR is on it.
#
#   cluster.sh start [N]          JobManager + N TaskManagers (default 2), waits until all registered
#   cluster.sh submit JAR [ARGS]  submits a job jar (detached) with Flink's command-line client;
#                                 the job's main runs here, so OSCAR_* variables are read from this shell
#   cluster.sh taskmanager        starts one more TaskManager
#   cluster.sh kill-taskmanager I SIGKILLs TaskManager I (1-based), for failure drills
#   cluster.sh status             the REST overview (TaskManagers, slots, jobs)
#   cluster.sh stop               stops every process of the cluster
#
# Variables: OSCAR_FLINK_DIR (run directory: config, logs, pids; default .run/flink-cluster),
# OSCAR_FLINK_RPC_PORT (6123), OSCAR_FLINK_REST_PORT (8081; the web/REST endpoint),
# OSCAR_FLINK_METRICS_PORTS (9250-9260; Prometheus, one port per process).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LIB="$ROOT/deploy/flink-cluster/target/lib"
DIR=${OSCAR_FLINK_DIR:-$ROOT/.run/flink-cluster}
RPC_PORT=${OSCAR_FLINK_RPC_PORT:-6123}
REST_PORT=${OSCAR_FLINK_REST_PORT:-8081}
METRICS_PORTS=${OSCAR_FLINK_METRICS_PORTS:-9250-9260}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# What Flink's own scripts open on Java 17 (env.java.default-opts.all of its distribution).
OPENS=()
for pkg in java.lang java.net java.io java.nio sun.nio.ch java.lang.reflect java.text java.time \
  java.util java.util.concurrent java.util.concurrent.atomic java.util.concurrent.locks; do
  OPENS+=("--add-opens=java.base/$pkg=ALL-UNNAMED")
done

say() { printf '[flink-cluster] %s\n' "$*"; }
die() { printf '[flink-cluster] ERROR: %s\n' "$*" >&2; exit 1; }

[ -d "$LIB" ] || die "$LIB is missing: build it with 'mvn -pl deploy/flink-cluster package'"

configure() {
  # A fresh log directory per start: the local run waits for a line in the TaskManagers' logs.
  rm -rf "$DIR/log"
  mkdir -p "$DIR/conf" "$DIR/log"
  sed -e "s/^    port: 6123$/    port: $RPC_PORT/" -e "s/^  port: 8081$/  port: $REST_PORT/" \
    -e "s/^      port: 9250-9260$/      port: $METRICS_PORTS/" \
    "$ROOT/deploy/flink-cluster/conf/config.yaml" >"$DIR/conf/config.yaml"
  grep -q "port: $RPC_PORT" "$DIR/conf/config.yaml" && grep -q "port: $REST_PORT" "$DIR/conf/config.yaml" \
    || die "could not set the ports in $DIR/conf/config.yaml"
  cp "$ROOT/deploy/flink-cluster/conf/log4j.properties" "$DIR/conf/"
}

# Flink's scripts derive each process's JVM memory flags and its memory configuration from
# config.yaml with BashJavaUtils; the entrypoints refuse to start without them.
resource_params() { # GET_JM_RESOURCE_PARAMS | GET_TM_RESOURCE_PARAMS → two lines: JVM flags, -D settings
  "$JAVA" -cp "$LIB/*" org.apache.flink.runtime.util.bash.BashJavaUtils "$1" --configDir "$DIR/conf" \
    | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p'
}

start_process() { # name, entrypoint class, resource params kind
  local name=$1 class=$2 params jvm dynamic
  params=$(resource_params "$3") || die "cannot derive the memory settings of $name"
  jvm=$(sed -n 1p <<<"$params")
  dynamic=$(sed -n 2p <<<"$params")
  # shellcheck disable=SC2086 # the flags are words
  "$JAVA" $jvm "${OPENS[@]}" -Dlog.file="$DIR/log/$name.log" \
    -Dlog4j.configurationFile="file:$DIR/conf/log4j.properties" -cp "$LIB/*" "$class" \
    --configDir "$DIR/conf" $dynamic >"$DIR/log/$name.out" 2>&1 &
  echo $! >"$DIR/$name.pid"
  say "$name started (pid $!, log $DIR/log/$name.log)"
}

# A pid from a pid file that is still one of this cluster's Flink processes (not a reused pid).
flink_pid() { # pidfile → prints the pid if it is a live Flink process
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 1
  [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "org.apache.flink" && echo "$pid"
}

stop_pid() { # pidfile: SIGTERM, up to 15 s to exit, then SIGKILL
  local pid
  if pid=$(flink_pid "$1"); then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

overview() { curl -fsS "http://127.0.0.1:$REST_PORT/overview"; }

registered_taskmanagers() { overview 2>/dev/null | sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p'; }

wait_for_taskmanagers() { # how many
  for _ in $(seq 1 240); do
    [ "$(registered_taskmanagers || echo 0)" -ge "$1" ] 2>/dev/null && return 0
    kill -0 "$(cat "$DIR/jobmanager.pid")" 2>/dev/null || die "the JobManager exited; see $DIR/log/jobmanager.log"
    sleep 0.25
  done
  die "$1 TaskManager(s) did not register in 60 s; see $DIR/log"
}

next_taskmanager() {
  local i=1
  while [ -f "$DIR/taskmanager-$i.pid" ]; do i=$((i + 1)); done
  echo "$i"
}

case "${1:-}" in
  start)
    count=${2:-2}
    for pidfile in "$DIR"/*.pid; do
      [ -f "$pidfile" ] || continue
      flink_pid "$pidfile" >/dev/null && die "a cluster already runs from $DIR; stop it first"
      rm -f "$pidfile"
    done
    configure
    start_process jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
      GET_JM_RESOURCE_PARAMS
    for _ in $(seq 1 "$count"); do
      start_process "taskmanager-$(next_taskmanager)" \
        org.apache.flink.runtime.taskexecutor.TaskManagerRunner GET_TM_RESOURCE_PARAMS
    done
    wait_for_taskmanagers "$count"
    say "cluster up: $count TaskManagers, REST and web UI on http://127.0.0.1:$REST_PORT"
    ;;
  taskmanager)
    start_process "taskmanager-$(next_taskmanager)" \
      org.apache.flink.runtime.taskexecutor.TaskManagerRunner GET_TM_RESOURCE_PARAMS
    ;;
  submit)
    jar=${2:?usage: cluster.sh submit JAR [ARGS]}
    shift 2
    [ -f "$DIR/conf/config.yaml" ] || die "no cluster configured in $DIR; run 'cluster.sh start' first"
    FLINK_CONF_DIR="$DIR/conf" "$JAVA" "${OPENS[@]}" -Dlog.file="$DIR/log/client.log" \
      -Dlog4j.configurationFile="file:$DIR/conf/log4j.properties" -cp "$LIB/*" \
      org.apache.flink.client.cli.CliFrontend run --detached "$jar" "$@"
    ;;
  kill-taskmanager)
    pidfile="$DIR/taskmanager-${2:?usage: cluster.sh kill-taskmanager I}.pid"
    pid=$(flink_pid "$pidfile") || { rm -f "$pidfile"; die "no running TaskManager $2"; }
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
    say "TaskManager $2 killed (SIGKILL)"
    ;;
  status)
    overview && echo
    ;;
  stop)
    # TaskManagers first, then the JobManager, in the order of Flink's own stop-cluster.sh.
    for pidfile in "$DIR"/taskmanager-*.pid "$DIR"/jobmanager.pid; do
      [ -f "$pidfile" ] && stop_pid "$pidfile"
    done
    say "stopped"
    ;;
  *)
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
