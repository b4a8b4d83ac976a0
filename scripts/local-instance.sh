#!/usr/bin/env bash
# Sourced by scripts/load.sh and scripts/sqlmap.sh: builds Mamori in Release, starts `mamori serve` on a fresh
# SQLite data directory on loopback, waits for /healthz and creates a site key. Sets MAMORI_URL, MAMORI_SITE_KEY,
# MAMORI_DATA; stops the instance (by its PID) on exit. Rate limits are per client address and every request here
# comes from 127.0.0.1, so they are raised for the run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/Mamori -c Release -nologo -v q >/dev/null
MAMORI_DLL="$PWD/src/Mamori/bin/Release/net10.0/mamori.dll"
MAMORI_DATA=$(mktemp -d /tmp/mamori-local-XXXXXX)
MAMORI_PORT=${MAMORI_PORT:-5099}
MAMORI_URL="http://127.0.0.1:$MAMORI_PORT"

MAMORI_ADMIN_PASSWORD=local-instance-password \
MAMORI_CONSENT_POSTS_PER_MINUTE=1000000000 MAMORI_SIGNAL_BATCHES_PER_MINUTE=1000000000 MAMORI_FORM_POSTS_PER_MINUTE=1000000000 \
MAMORI_SIGN_IN_ATTEMPTS_PER_MINUTE=1000000000 \
Logging__LogLevel__Default=Warning \
  dotnet "$MAMORI_DLL" serve --urls "$MAMORI_URL" --data-dir "$MAMORI_DATA" --policy policy/policy.yaml >"$MAMORI_DATA/serve.log" 2>&1 &
MAMORI_PID=$!
stop_instance() { kill "$MAMORI_PID" 2>/dev/null || true; wait "$MAMORI_PID" 2>/dev/null || true; rm -rf "$MAMORI_DATA"; }
trap stop_instance EXIT

for _ in $(seq 1 120); do
  curl -fs "$MAMORI_URL/healthz" >/dev/null 2>&1 && break
  kill -0 "$MAMORI_PID" 2>/dev/null || { cat "$MAMORI_DATA/serve.log"; exit 1; }
  sleep 0.5
done
MAMORI_SITE_KEY=$(dotnet "$MAMORI_DLL" keys create --name local-site --role site --data-dir "$MAMORI_DATA" 2>/dev/null)
export MAMORI_URL MAMORI_SITE_KEY MAMORI_DATA MAMORI_DLL
