#!/usr/bin/env bash
# Drives the public consent and signals endpoints of a local Release build with wrk for DURATION (default 60s)
# each, on loopback, and fails on any error (socket error or non-2xx answer). Not part of the test suite.
# Usage: scripts/load.sh [DURATION] [CONNECTIONS]     Results go into docs/performance.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-60s}
CONNECTIONS=${2:-32}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
command -v wrk >/dev/null 2>&1 || { as_root apt-get update -qq; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

source scripts/local-instance.sh

status=0
run() {
  local name=$1; shift
  local shown="$*"
  echo "== $name: wrk -t2 -c$CONNECTIONS -d$DURATION --latency ${shown//$MAMORI_SITE_KEY/<site key>}"
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  echo "$out"
  if grep -qE "Non-2xx or 3xx responses|Socket errors" <<<"$out"; then
    echo "!! $name: errors" >&2
    status=1
  fi
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
run consent -s scripts/load/consent.lua "$MAMORI_URL/api/v1/consents"
run signals -s scripts/load/signals.lua -H "Authorization: Bearer $MAMORI_SITE_KEY" "$MAMORI_URL/api/v1/signals"
echo "audit after the run: $(dotnet "$MAMORI_DLL" audit verify --data-dir "$MAMORI_DATA" | head -1)"
exit $status
