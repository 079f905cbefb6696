#!/usr/bin/env bash
# Installs what OSCAR needs on a Debian machine, from Debian's packages, if it is missing:
# a JDK 17 and Maven (to build), Mosquitto and Redis (real broker and live-state store), and
# Chromium with its driver (the control-room page's browser test), curl (the Flink cluster script).
set -euo pipefail

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
[ -x /usr/sbin/mosquitto ] || command -v mosquitto >/dev/null 2>&1 || missing+=(mosquitto)
command -v mosquitto_ctrl >/dev/null 2>&1 || missing+=(mosquitto)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# Headless Chromium and its WebDriver: the control-room page's browser test drives them.
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
# The standalone Flink cluster's script asks its REST endpoint whether TaskManagers registered.
command -v curl >/dev/null 2>&1 || missing+=(curl)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "[oscar] installing from Debian packages: ${missing[*]}"
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
