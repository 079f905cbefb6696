#!/usr/bin/env bash
# Smoke check of the README's run command, as a new user runs it: starts deploy/local/run.sh
# exactly as written (bounded by OSCAR_RUN_SECONDS, default 40) and fails unless
#   1. the demo's first press got a police task and an ambulance task (the units' devices say so,
#      and the incident's assignments name a POLICE and an AMBULANCE unit);
#   2. her device got a HELP_COMING notice;
#   3. the SMS stand-in printed an alert to an official;
#   4. GET /api/v1/incidents/{id} returns that incident with its timeline;
#   5. the control-room page answers on the API's port;
#   6. that incident became a case in the case register (PostgreSQL), as the OSC Centre
#      Administrator (osc.khordha) sees it, with this run's incident in it;
#   7. a legal clock fires with no further input: the hospital arrival recorded on that case starts
#      the TREATMENT clock (demo times: due in 5 s), whose reminder or overdue notice the SMS
#      stand-in prints;
#   8. the run exits 0 and leaves no process and no listening port behind.
# On a failure it names the cause: the run's own error and the first error of each process log.
#
#   deploy/local/smoke.sh                          the embedded MiniCluster (the default run)
#   OSCAR_FLINK=standalone deploy/local/smoke.sh   the job on a standalone Flink cluster
#
# The run's output is kept in .smoke/<mode>/ (run.out, incident.json); the ports are run.sh's
# (OSCAR_LOCAL_*_PORT move them). OSCAR_SMOKE_START_SECONDS bounds the build and start (default 240).
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
MODE=${OSCAR_FLINK:-embedded}
RUN_SECONDS=${OSCAR_RUN_SECONDS:-40}
START_SECONDS=${OSCAR_SMOKE_START_SECONDS:-240}
API_PORT=${OSCAR_LOCAL_API_PORT:-8080}
PORTS=("${OSCAR_LOCAL_MQTT_PORT:-18830}" "${OSCAR_LOCAL_REDIS_PORT:-16379}" "${OSCAR_LOCAL_PG_PORT:-15432}" "$API_PORT"
  "${OSCAR_LOCAL_AIS140_PORT:-5140}" "${OSCAR_LOCAL_SMS_PORT:-18090}"
  "${OSCAR_LOCAL_AIS140_METRICS_PORT:-9464}")
if [ "$MODE" = standalone ]; then
  PORTS+=("${OSCAR_FLINK_RPC_PORT:-6123}" "${OSCAR_FLINK_REST_PORT:-8081}")
else
  PORTS+=("${OSCAR_LOCAL_JOB_METRICS_PORT:-9249}")
fi
INCIDENT=INC-SURV-DEMO-1-1
OUT="$ROOT/.smoke/$MODE"
rm -rf "$OUT" && mkdir -p "$OUT"
LOG="$OUT/run.out"

say() { printf '[smoke] %s\n' "$*"; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Whether a process is this script or one of its own children (the scans below run in subshells).
mine() {
  local p=$1
  while [ "$p" -gt 1 ] 2>/dev/null; do
    [ "$p" = "$$" ] && return 0
    p=$(awk '/^PPid:/ {print $2}' "/proc/$p/status" 2>/dev/null) || return 1
  done
  return 1
}
# Processes of a local run of this checkout: working in its .run/, or naming .run/ or a module's
# target/lib on their command line (a developer's editor or build in the checkout is none of them).
ours() {
  local p cwd cmd
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    cwd=$(readlink "/proc/$p/cwd" 2>/dev/null) || continue
    cmd=$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null) || continue
    if [[ "$cwd" == "$ROOT/.run"* ]] || [[ "$cmd" == *"$ROOT/.run"* ]] \
      || [[ "$cmd" == *"$ROOT/"*"/target/lib/"* ]]; then
      mine "$p" || echo "$p"
    fi
  done
}

for port in "${PORTS[@]}"; do
  listening "$port" && { say "FAIL: port $port is in use before the run; stop what uses it"; exit 1; }
done
BEFORE=" $(ours | tr '\n' ' ') "

declare -A passed=()
check() { # name, description: records a check that held
  if [ -z "${passed[$1]:-}" ]; then
    passed[$1]=1
    say "ok   $2 ($(($(date +%s) - STARTED)) s)"
  fi
}
STARTED=$(date +%s)
say "running OSCAR_RUN_SECONDS=$RUN_SECONDS${OSCAR_FLINK:+ OSCAR_FLINK=$OSCAR_FLINK} deploy/local/run.sh (output: $LOG)"
OSCAR_RUN_SECONDS=$RUN_SECONDS deploy/local/run.sh >"$LOG" 2>&1 &
RUN_PID=$!
DEADLINE=$((STARTED + START_SECONDS + RUN_SECONDS))

token() { cat "$ROOT/.run/api-token" 2>/dev/null; }
while kill -0 "$RUN_PID" 2>/dev/null && [ "$(date +%s)" -lt "$DEADLINE" ]; do
  if grep -qE "^\[sim [0-9:]+\] PCR-[A-Za-z0-9_-]+ (received|accepts) task for $INCIDENT\b" "$LOG" \
    && grep -qE "^\[sim [0-9:]+\] AMB-[A-Za-z0-9_-]+ (received|accepts) task for $INCIDENT\b" "$LOG"; then
    check unit-tasks "a police unit and an ambulance received a task for $INCIDENT"
  fi
  grep -qE "^\[sim [0-9:]+\] SURV-DEMO-1 device shows HELP_COMING for $INCIDENT\b" "$LOG" \
    && check help-coming "her device showed HELP_COMING"
  grep -qE "^\[sms-gateway\] to \+[0-9]+: OSCAR [A-Z_]+ INC-" "$LOG" \
    && check sms "the SMS stand-in printed an alert to an official"
  if [ -n "${passed[unit-tasks]:-}" ] && [ -z "${passed[incident]:-}" ] && [ -n "$(token)" ]; then
    if curl -fsS -m 5 -H "Authorization: Bearer $(token)" \
      "http://127.0.0.1:$API_PORT/api/v1/incidents/$INCIDENT" -o "$OUT/incident.json" 2>/dev/null \
      && grep -q "\"incidentId\":\"$INCIDENT\"" "$OUT/incident.json" \
      && grep -qE '"timeline":\[\{"at":[0-9]+,"what":"OPENED"' "$OUT/incident.json" \
      && grep -qE '"unitId":"[^"]+","role":"POLICE"' "$OUT/incident.json" \
      && grep -qE '"unitId":"[^"]+","role":"AMBULANCE"' "$OUT/incident.json"; then
      check incident "GET /api/v1/incidents/$INCIDENT: its timeline, a POLICE and an AMBULANCE assignment"
    fi
  fi
  if [ -n "${passed[incident]:-}" ] && [ -z "${passed[case]:-}" ]; then
    OPENED=$(grep -o '"openedAt":[0-9]*' "$OUT/incident.json" | head -n 1)
    LOGIN=$(curl -fsS -m 5 -H 'Content-Type: application/json' \
      -d '{"username":"osc.khordha","password":"oscar-demo"}' "http://127.0.0.1:$API_PORT/login" 2>/dev/null \
      | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
    if [ -n "$LOGIN" ] && curl -fsS -m 5 -H "Authorization: Bearer $LOGIN" \
      "http://127.0.0.1:$API_PORT/api/v1/cases?incident=$INCIDENT" -o "$OUT/cases.json" 2>/dev/null; then
      for id in $(grep -o '"id":"CASE-[0-9]*"' "$OUT/cases.json" | cut -d'"' -f4); do
        curl -fsS -m 5 -H "Authorization: Bearer $LOGIN" "http://127.0.0.1:$API_PORT/api/v1/cases/$id" \
          -o "$OUT/case.json" 2>/dev/null || continue
        # This run's incident (live state's openedAt), not one of an earlier run kept in .run/postgres.
        if [ -n "$OPENED" ] && grep -q "$OPENED" "$OUT/case.json" \
          && grep -q "\"incidentId\":\"$INCIDENT\"" "$OUT/case.json"; then
          check case "$INCIDENT became case $id, seen by the OSC Centre Administrator"
          CASE_ID=$id
          break
        fi
      done
    fi
  fi
  if [ -n "${CASE_ID:-}" ] && [ -z "${ARRIVED:-}" ] && curl -fsS -m 5 -o /dev/null \
    -H "Authorization: Bearer $LOGIN" -H 'Content-Type: application/json' \
    -d "{\"type\":\"ARRIVED_AT_HOSPITAL\",\"data\":{\"hospital\":\"Capital Hospital\"},\"requestId\":\"smoke-$CASE_ID-$STARTED-arrived\"}" \
    "http://127.0.0.1:$API_PORT/api/v1/cases/$CASE_ID/events" 2>/dev/null; then
    ARRIVED=1
  fi
  if [ -n "${CASE_ID:-}" ] && grep -qE "^\[sms-gateway\] to \+[0-9]+: OSCAR CASE $CASE_ID: (reminder|OVERDUE): free, immediate" "$LOG"; then
    check clock "the TREATMENT clock on $CASE_ID told its post by SMS with no further input"
  fi
  if [ -z "${passed[page]:-}" ] && listening "$API_PORT" \
    && curl -fsS -m 5 "http://127.0.0.1:$API_PORT/" 2>/dev/null | grep -qi "<html"; then
    check page "the control-room page answered on port $API_PORT"
  fi
  sleep 1
done

if kill -0 "$RUN_PID" 2>/dev/null; then
  say "FAIL: the run did not stop within $((START_SECONDS + RUN_SECONDS)) s; stopping it"
  kill -TERM "$RUN_PID" 2>/dev/null
  for _ in $(seq 1 30); do kill -0 "$RUN_PID" 2>/dev/null || break; sleep 1; done
fi
wait "$RUN_PID"
RC=$?
ELAPSED=$(($(date +%s) - STARTED))
[ "$RC" -eq 0 ] && check exit "the run exited 0"

# Nothing left behind: every port closed and no new process of this checkout (after a short grace
# for processes that are still exiting).
for _ in $(seq 1 20); do
  LEFT=()
  for p in $(ours); do [[ "$BEFORE" == *" $p "* ]] || LEFT+=("$p"); done
  OPEN=()
  for port in "${PORTS[@]}"; do listening "$port" && OPEN+=("$port"); done
  [ ${#LEFT[@]} -eq 0 ] && [ ${#OPEN[@]} -eq 0 ] && break
  sleep 0.5
done
if [ ${#LEFT[@]} -eq 0 ] && [ ${#OPEN[@]} -eq 0 ]; then
  check clean "no process and no listening port left behind"
fi

failed=0
fail() { say "FAIL $*"; failed=1; }
[ -n "${passed[unit-tasks]:-}" ] || fail "the demo's first press ($INCIDENT): no police task and ambulance task on the units' devices"
[ -n "${passed[help-coming]:-}" ] || fail "her device (SURV-DEMO-1) never showed HELP_COMING"
[ -n "${passed[sms]:-}" ] || fail "the SMS stand-in printed no alert to an official"
[ -n "${passed[incident]:-}" ] || fail "GET /api/v1/incidents/$INCIDENT: no incident with its timeline and both assignments (last answer: $OUT/incident.json)"
[ -n "${passed[page]:-}" ] || fail "the control-room page did not answer on port $API_PORT"
[ -n "${passed[case]:-}" ] || fail "$INCIDENT did not become a case the OSC Centre Administrator sees (last answers: $OUT/cases.json, $OUT/case.json)"
[ -n "${passed[clock]:-}" ] || fail "no legal-clock notice for ${CASE_ID:-the demo case} in $LOG (ARRIVED_AT_HOSPITAL recorded: ${ARRIVED:-no})"
[ -n "${passed[exit]:-}" ] || fail "the run exited $RC"
if [ -z "${passed[clean]:-}" ]; then
  for p in "${LEFT[@]}"; do
    fail "left behind: pid $p $(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | cut -c1-160)"
    kill "$p" 2>/dev/null
  done
  for port in "${OPEN[@]}"; do fail "left behind: port $port still listening"; done
fi

if [ "$failed" -ne 0 ]; then
  say "---- the cause, as the run and its processes reported it ----"
  grep -E "ERROR|Exception|Error:" "$LOG" | head -n 10 | sed 's/^/[smoke]   run: /'
  for f in "$ROOT"/.run/*.log "$ROOT"/.run/flink-cluster/log/*.log; do
    [ -f "$f" ] || continue
    first=$(grep -m 1 -E "NoClassDefFoundError|ClassNotFoundException|Exception|ERROR" "$f")
    [ -n "$first" ] && printf '[smoke]   %s: %s\n' "${f#"$ROOT/"}" "$(cut -c1-300 <<<"$first")"
  done
  say "smoke FAILED after $ELAPSED s (mode $MODE); the run's output: $LOG"
  exit 1
fi
say "smoke passed in $ELAPSED s (mode $MODE)"
