#!/usr/bin/env bash
# Installs what OSCAR needs on a Debian machine, from Debian's packages, if it is missing, and says
# what it installs; when everything is there it does nothing and prints nothing.
#   openjdk-17-jdk-headless, maven   to build
#   mosquitto                        the MQTT broker (with mosquitto_ctrl and its dynamic-security plugin)
#   redis-server                     live state and the device registry
#   postgresql                       the case register (the local run and the tests start their own server)
#   chromium, chromium-driver        the control-room page's browser test (headless)
#   curl                             the Flink cluster script and the local run's smoke check
set -euo pipefail

missing=()
need() { # package: added once
  local p
  for p in "${missing[@]}"; do [ "$p" = "$1" ] && return 0; done
  missing+=("$1")
}
command -v java >/dev/null 2>&1 || need openjdk-17-jdk-headless
command -v mvn >/dev/null 2>&1 || need maven
{ [ -x /usr/sbin/mosquitto ] || command -v mosquitto >/dev/null 2>&1; } || need mosquitto
command -v mosquitto_ctrl >/dev/null 2>&1 || need mosquitto
command -v redis-server >/dev/null 2>&1 || need redis-server
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || need postgresql
command -v chromium >/dev/null 2>&1 || need chromium
command -v chromedriver >/dev/null 2>&1 || need chromium-driver
command -v curl >/dev/null 2>&1 || need curl

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "[oscar] installing from Debian's packages (once; a few minutes, mostly Chromium): ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "[oscar] need root or sudo to install ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The packages may start system-wide services on the default ports; OSCAR runs its own
# instances on its own ports and does not use them.
echo "[oscar] installed: ${missing[*]}"
