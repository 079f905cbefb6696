#!/usr/bin/env bash
# Runs the whole OSCAR system on this machine: a private Mosquitto and Redis, the Flink job in an
# embedded MiniCluster, the alert API and a demo fleet in Bhubaneswar. Ctrl-C stops everything.
#
# Ports (override with the variables): MQTT 18830, Redis 16379, PostgreSQL 15432, alert API 8080, AIS-140 trackers
# 5140, Prometheus metrics of the Flink job 9249 and of the AIS-140 adapter 9464, the demo SMS
# gateway (a stand-in for the SMS provider, printing what it would send) 18090.
# OSCAR_RUN_SECONDS=N stops the whole system after N seconds (0, the default: run until Ctrl-C).
# OSCAR_SCENARIO=FILE runs another scenario (e.g. one from bin/oscar scenario, the load generator);
# OSCAR_SIM_ARGS passes options to the simulator (e.g. "--quiet --progress-seconds 10").
# OSCAR_FLINK=standalone runs the job's jar on a standalone Flink cluster (a JobManager and two
# TaskManagers as separate processes, deploy/flink-cluster/cluster.sh; web UI on 8081, Prometheus
# 9250-9260) instead of the embedded MiniCluster.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
RUN="$ROOT/.run"
# Every process is started through the launcher (bin/oscar), which takes its settings from the
# local run's ports and the secrets this script writes to $RUN/. Settings left in the caller's shell
# (OSCAR_MQTT_PASSWORD, OSCAR_API_TOKEN, ...) would override those: a local run starts from none.
for var in $(compgen -e | grep '^OSCAR_' || true); do
  case "$var" in
    OSCAR_LOCAL_* | OSCAR_RUN_SECONDS | OSCAR_SCENARIO | OSCAR_SIM_ARGS | OSCAR_FLINK* | OSCAR_JAVA_OPTS \
      | OSCAR_REGIONS_DIR) ;;
    *) unset "$var" ;;
  esac
done
OSCAR=("$ROOT/bin/oscar")
MQTT_PORT=${OSCAR_LOCAL_MQTT_PORT:-18830}
REDIS_PORT=${OSCAR_LOCAL_REDIS_PORT:-16379}
PG_PORT=${OSCAR_LOCAL_PG_PORT:-15432}
API_PORT=${OSCAR_LOCAL_API_PORT:-8080}
AIS140_PORT=${OSCAR_LOCAL_AIS140_PORT:-5140}
SMS_PORT=${OSCAR_LOCAL_SMS_PORT:-18090}
JOB_METRICS_PORT=${OSCAR_LOCAL_JOB_METRICS_PORT:-9249}
AIS140_METRICS_PORT=${OSCAR_LOCAL_AIS140_METRICS_PORT:-9464}
RUN_SECONDS=${OSCAR_RUN_SECONDS:-0}
FLINK_MODE=${OSCAR_FLINK:-embedded}
CLUSTER_STARTED=

say() { printf '[oscar] %s\n' "$*"; }
die() { printf '[oscar] ERROR: %s\n' "$*" >&2; exit 1; }

case "$FLINK_MODE" in
  embedded) FLINK_PORTS=("$JOB_METRICS_PORT") ;;
  standalone) FLINK_PORTS=("${OSCAR_FLINK_RPC_PORT:-6123}" "${OSCAR_FLINK_REST_PORT:-8081}") ;;
  *) die "OSCAR_FLINK must be 'embedded' or 'standalone', not '$FLINK_MODE'" ;;
esac
for port in "$MQTT_PORT" "$REDIS_PORT" "$PG_PORT" "$API_PORT" "$AIS140_PORT" "${FLINK_PORTS[@]}" "$AIS140_METRICS_PORT" "$SMS_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port is already in use; stop what uses it or set OSCAR_LOCAL_*_PORT (OSCAR_FLINK_*_PORT for the cluster)"
  fi
done

deploy/install-deps.sh
export OSCAR_LOCAL_MQTT_PORT=$MQTT_PORT OSCAR_LOCAL_REDIS_PORT=$REDIS_PORT OSCAR_LOCAL_PG_PORT=$PG_PORT \
  OSCAR_LOCAL_API_PORT=$API_PORT \
  OSCAR_LOCAL_AIS140_PORT=$AIS140_PORT OSCAR_LOCAL_SMS_PORT=$SMS_PORT \
  OSCAR_LOCAL_JOB_METRICS_PORT=$JOB_METRICS_PORT OSCAR_LOCAL_AIS140_METRICS_PORT=$AIS140_METRICS_PORT

say "building (mvn package, tests skipped; run deploy/test.sh for those)"
mvn -B -q -ntp -DskipTests package || die "build failed"

mkdir -p "$RUN"
# Every run starts a fresh system (new broker, new Redis): the job must not resume an old one's
# state. Within a run, a restarted job process resumes from $RUN/checkpoints.
rm -rf "$RUN"/*.log "$RUN/checkpoints"
PIDS=()
PG_PID=
cleanup() {
  trap - EXIT INT TERM
  say "stopping"
  if [ -n "$CLUSTER_STARTED" ]; then deploy/flink-cluster/cluster.sh stop >/dev/null || true; fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  # PostgreSQL's fast shutdown (SIGINT): its clients are going too, no need to wait for them.
  if [ -n "$PG_PID" ]; then kill -INT "$PG_PID" 2>/dev/null || true; fi
  # The log followers' tails are not in PIDS (only each pipeline's last command is).
  pkill -P $$ -x tail 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

wait_for() { # name, seconds, pid, command...: until the command succeeds, the process dies or time runs out
  local name=$1 secs=$2 pid=$3; shift 3
  for _ in $(seq 1 $((secs * 4))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$RUN/$name.log" >&2; die "$name exited; see $RUN/$name.log"; }
    sleep 0.25
  done
  die "$name did not come up in $secs s; see $RUN/$name.log"
}
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Fresh secrets per run, kept out of the repo and the logs (files of mode 600 under .run/).
secret() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'; }
(umask 077 && secret > "$RUN/mqtt-admin-password")
ADMIN_PASSWORD=$(cat "$RUN/mqtt-admin-password")

# The broker authenticates every client through its dynamic-security plugin: devices get
# credentials and per-device access lists from the registry (bin/oscar devices), no anonymous access.
MOSQUITTO=$(command -v mosquitto || echo /usr/sbin/mosquitto)
BROKER_DIR="$RUN/broker"
rm -rf "$BROKER_DIR" && mkdir -p "$BROKER_DIR"
mosquitto_ctrl dynsec init "$BROKER_DIR/dynamic-security.json" oscar-admin "$ADMIN_PASSWORD" >/dev/null
# Started as root, Mosquitto runs as the 'mosquitto' user, which must read and rewrite this file.
if [ "$(id -u)" -eq 0 ] && id mosquitto >/dev/null 2>&1; then chown -R mosquitto "$BROKER_DIR"; fi
PLUGIN=$(ls /usr/lib/*/mosquitto_dynamic_security.so /usr/lib/mosquitto_dynamic_security.so 2>/dev/null | head -n 1 || true)
[ -n "$PLUGIN" ] || die "mosquitto_dynamic_security.so not found"
cat > "$RUN/mosquitto.conf" <<CONF
# Local run: loopback listener; every client authenticates (dynamic-security plugin).
listener $MQTT_PORT 127.0.0.1
allow_anonymous false
plugin $PLUGIN
plugin_opt_config_file $BROKER_DIR/dynamic-security.json
# Sessions, subscriptions and queued messages survive a broker crash: saved every second.
persistence true
persistence_location $BROKER_DIR/
autosave_interval 1
# The pipeline acknowledges a message only once the checkpoint holding it completes: let a
# checkpoint interval's worth be in flight to it, and queue generously while it restarts.
max_inflight_messages 0
max_queued_messages 100000
# Small messages go out at once rather than waiting on Nagle's algorithm (press latency).
set_tcp_nodelay true
CONF
"$MOSQUITTO" -c "$RUN/mosquitto.conf" >"$RUN/mosquitto.log" 2>&1 &
PIDS+=($!)
wait_for mosquitto 15 "$!" listening "$MQTT_PORT"
say "Mosquitto on tcp://127.0.0.1:$MQTT_PORT"

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$RUN" \
  >"$RUN/redis.log" 2>&1 &
PIDS+=($!)
wait_for redis 15 "$!" listening "$REDIS_PORT"
say "Redis on 127.0.0.1:$REDIS_PORT"

# The case register: a private PostgreSQL whose data stays in $RUN/postgres from run to run (it is
# the system of record; rm -rf .run/postgres starts it afresh). PostgreSQL refuses to run as root:
# as root it runs as the 'postgres' user (setpriv execs it in place, so this script holds its pid).
PG_BIN=$( (ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true) | sort -V | tail -n 1)
[ -n "$PG_BIN" ] || die "PostgreSQL is not installed (deploy/install-deps.sh installs it)"
PG_DATA="$RUN/postgres"
AS_PG=() # a simple command, not a function: started in the background, $! is the server itself
if [ "$(id -u)" -eq 0 ]; then AS_PG=(setpriv --reuid=postgres --regid=postgres --init-groups --); fi
if [ -s "$PG_DATA/PG_VERSION" ] && [ ! -s "$RUN/pg-password" ]; then
  # Never wipe the register for a lost password file: the cases in it are the record.
  die "$RUN/pg-password is missing but the case register in $PG_DATA is not; put the password back, or move $PG_DATA away to start an empty register"
fi
if [ ! -s "$PG_DATA/PG_VERSION" ]; then
  rm -rf "$PG_DATA" && mkdir -p "$PG_DATA"
  (umask 077 && secret > "$RUN/pg-password")
  cp "$RUN/pg-password" "$PG_DATA.pwfile"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DATA" "$PG_DATA.pwfile"; fi
  chmod 700 "$PG_DATA"
  "${AS_PG[@]}" test -x "$RUN" || die "the postgres user cannot reach $RUN; run from a folder it can read"
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -U oscar --pwfile="$PG_DATA.pwfile" --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$RUN/postgres-init.log" 2>&1 \
    || { rm -f "$PG_DATA.pwfile"; tail -n 20 "$RUN/postgres-init.log" >&2; die "initdb failed"; }
  rm -f "$PG_DATA.pwfile"
fi
# TCP on loopback only; no Unix socket (its path would have to fit 107 bytes under any checkout).
"${AS_PG[@]}" "$PG_BIN/postgres" -D "$PG_DATA" -p "$PG_PORT" -k "" -c listen_addresses=127.0.0.1 \
  >"$RUN/postgres.log" 2>&1 &
PG_PID=$!
wait_for postgres 60 "$PG_PID" "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"
export PGPASSWORD; PGPASSWORD=$(cat "$RUN/pg-password")
if [ -z "$("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U oscar -d postgres -tAc "select 1 from pg_database where datname = 'oscar'")" ]; then
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U oscar oscar || die "cannot create the case register's database"
fi
unset PGPASSWORD
say "PostgreSQL (the case register) on 127.0.0.1:$PG_PORT, data in $PG_DATA"
# The key her identity is encrypted with: outside the database, kept with the register.
if [ ! -s "$RUN/identity-key" ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 > "$RUN/identity-key")
  say "new identity key in $RUN/identity-key (identities kept under an earlier key no longer open)"
fi

SCENARIO=${OSCAR_SCENARIO:-deploy/local/scenario/bhubaneswar-demo.json}
"${OSCAR[@]}" devices import-scenario "$SCENARIO" \
  --secrets-out "$RUN/device-secrets.json" --pipeline-secret-out "$RUN/pipeline-secret" \
  --ais140-secret-out "$RUN/ais140-secret" --control-room-secret-out "$RUN/control-room-secret" \
  | sed 's/^/[oscar] /' || die "provisioning the demo devices failed"

# The rest of this run's secrets: the service token the job and the API share, the control room's
# login-token key, and the SMS stand-in's key and receipt token.
TOKEN_FILE="$RUN/api-token"
(umask 077 && secret > "$TOKEN_FILE" && echo "$(secret)$(secret)" > "$RUN/jwt-secret" \
  && secret > "$RUN/sms-api-key" && secret > "$RUN/sms-receipt-token")

# Officials are alerted by SMS through a local stand-in for the SMS provider (it prints each message
# instead of sending it; the contacts in deploy/local/officials.json are invented).
"${OSCAR[@]}" sms-standin >"$RUN/sms-gateway.log" 2>&1 &
PIDS+=($!)
wait_for sms-gateway 15 "$!" listening "$SMS_PORT"

"${OSCAR[@]}" api >"$RUN/alert-api.log" 2>&1 &
PIDS+=($!)
wait_for alert-api 30 "$!" listening "$API_PORT"
say "alert API on http://127.0.0.1:$API_PORT"

if [ "$FLINK_MODE" = standalone ]; then
  # The same job jar on a standalone Flink cluster of separate processes (docs/benchmarks.md).
  export OSCAR_FLINK_DIR="$RUN/flink-cluster"
  CLUSTER_STARTED=1 # before starting: a start that fails half-way is stopped too
  deploy/flink-cluster/cluster.sh start 2 | sed 's/^/[oscar] /' || die "the Flink cluster did not start"
  # The job's main runs in the submitting client and reads the same settings the launcher gives it.
  OSCAR_MQTT_URL="tcp://127.0.0.1:$MQTT_PORT" OSCAR_REDIS_PORT="$REDIS_PORT" \
    OSCAR_MQTT_USER=oscar-pipeline OSCAR_MQTT_PASSWORD="$(cat "$RUN/pipeline-secret")" \
    OSCAR_ALERT_API_URL="http://127.0.0.1:$API_PORT" OSCAR_ALERT_API_TOKEN="$(cat "$TOKEN_FILE")" \
    OSCAR_DEVICE_DIRECTORY=registry OSCAR_CHECKPOINT_DIR="$RUN/checkpoints" \
    OSCAR_REGIONS_DIR="${OSCAR_REGIONS_DIR:-$PWD/regions}" \
    OSCAR_METRICS_PORT=0 deploy/flink-cluster/cluster.sh submit \
    "$(ls stream-jobs/target/oscar-stream-jobs-*-job.jar)" >"$RUN/stream-job.log" 2>&1 \
    || { tail -n 20 "$RUN/stream-job.log" >&2; die "submitting the job failed; see $RUN/stream-job.log"; }
  wait_for stream-job 90 "$(cat "$OSCAR_FLINK_DIR/jobmanager.pid")" \
    grep -qs "MQTT source .* connected" "$OSCAR_FLINK_DIR"/log/taskmanager-*.log
  JOB_METRICS_URL="http://127.0.0.1:9250-9260/metrics (one port per Flink process)"
  say "Flink job running on a standalone cluster: web UI http://127.0.0.1:${OSCAR_FLINK_REST_PORT:-8081}, logs $OSCAR_FLINK_DIR/log"
else
  "${OSCAR[@]}" job >"$RUN/stream-job.log" 2>&1 &
  PIDS+=($!)
  wait_for stream-job 90 "$!" grep -q "MQTT source .* connected" "$RUN/stream-job.log"
  JOB_METRICS_URL="http://127.0.0.1:$JOB_METRICS_PORT/metrics"
  say "Flink job running in an embedded MiniCluster (metrics http://127.0.0.1:$JOB_METRICS_PORT/metrics)"
fi

# Trackers that speak AIS-140 instead of MQTT connect here; bind one with bin/oscar devices bind-imei.
"${OSCAR[@]}" ais140 >"$RUN/ais140.log" 2>&1 &
PIDS+=($!)
wait_for ais140 30 "$!" listening "$AIS140_PORT"
say "AIS-140 adapter on tcp://127.0.0.1:$AIS140_PORT (docs/ais140.md)"

cat <<INFO
[oscar] ---------------------------------------------------------------------------
[oscar] OSCAR is up. Where to look:
[oscar]   control room           http://127.0.0.1:$API_PORT/  (demo login: control.khordha / oscar-demo)
[oscar]   responder page         http://127.0.0.1:$API_PORT/responder.html  (a phone's view; docs/responder.md)
[oscar]                          unit PCR-WEB-1 (not simulated: you are its crew), its secret:
[oscar]                          sed -n 's/.*"PCR-WEB-1":"\([^"]*\)".*/\1/p' $RUN/device-secrets.json
[oscar]   case register logins   password oscar-demo for each (docs/cases.md):
[oscar]                            osc.khordha        OSC Centre Administrator, Khordha
[oscar]                            worker.khordha     OSC case worker, Khordha
[oscar]                            dlsa.khordha       legal aid (DLSA Khordha)
[oscar]                            police.capital     Capital Police Station
[oscar]                            police.sahidnagar  Sahidnagar Police Station (another station)
[oscar]                            hospital.capital   Capital Hospital
[oscar]                            sp.khordha         SP Khordha (cases escalated to the SP)
[oscar]                            dm.khordha         District Magistrate, Khordha (escalated)
[oscar]                            cmo.khordha        Chief Medical Officer, Khordha (escalated)
[oscar]                            state.odisha       the state's official: Odisha's reports, no case
[oscar]   cases (API)            POST /login as one of them, then GET /api/v1/cases with its token
[oscar]   legal clocks           DEMO times (an hour lasts 5 s): deploy/local/clocks-demo.json
[oscar]                          (OSCAR_CLOCK_POLICY_FILE= for the real policy); record an FIR on a
[oscar]                          SEXUAL_ASSAULT case and watch .run/sms-gateway.log
[oscar]   demo output (below)    units, tasks, survivor notices
[oscar]   logs                   $RUN/{stream-job,alert-api,ais140,sms-gateway,mosquitto,redis,postgres}.log
[oscar]   metrics (Prometheus)   $JOB_METRICS_URL (job: rejected_* by reason)
[oscar]                          http://127.0.0.1:$AIS140_METRICS_PORT/metrics (AIS-140 adapter)
[oscar]   an incident            curl -H "Authorization: Bearer \$(cat $TOKEN_FILE)" \\
[oscar]                            http://127.0.0.1:$API_PORT/api/v1/incidents/INC-SURV-DEMO-1-1
[oscar]   live state             redis-cli -p $REDIS_PORT keys 'oscar:*'
[oscar]   devices                bin/oscar devices list   (bin/oscar --help: every command; it finds this run)
[oscar] Ctrl-C stops everything.
[oscar] ---------------------------------------------------------------------------
INFO

"${OSCAR[@]}" simulate --scenario "$SCENARIO" --secrets "$RUN/device-secrets.json" \
  --duration-seconds "$RUN_SECONDS" ${OSCAR_SIM_ARGS:-} &
PIDS+=($!)
SIM=$!
tail -n +1 -F "$RUN/alert-api.log" 2>/dev/null | grep --line-buffered ": notifications" \
  | sed -u 's/^/[alert-api] /' &
PIDS+=($!)
tail -n +1 -F "$RUN/sms-gateway.log" 2>/dev/null | grep --line-buffered "to +" &
PIDS+=($!)
wait "$SIM"
