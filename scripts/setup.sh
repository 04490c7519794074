#!/usr/bin/env bash
# Installs what Frontdoor builds and tests with, from Debian's packages, on a fresh machine.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  tao-pegtl-dev libboost-graph-dev libboost-date-time-dev libboost-dev nlohmann-json3-dev libspdlog-dev catch2
  libssl-dev libsqlite3-dev sqlite3 libbenchmark-dev wrk tzdata
  libpq-dev postgresql
  libre2-dev
  libsimdjson-dev
  clang libclang-rt-dev clang-format
  python3 python3-jsonschema python3-prometheus-client openssl
  python3-dev pybind11-dev python3-pytest python3-pip python3-setuptools python3-wheel
  python3-dask python3-distributed
  chromium chromium-driver
)
# Node.js and npm for the workspace's page: Debian's, unless the machine already has an npm (a
# NodeSource nodejs carries its own npm and conflicts with Debian's npm package).
if ! command -v npm > /dev/null; then
  packages+=(nodejs npm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The workspace's page (web/): its npm packages exactly as web/package-lock.json pins them.
(cd "$(dirname "$0")/../web" && npm ci --no-audit --no-fund)
