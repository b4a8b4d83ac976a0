#!/usr/bin/env bash
# Runs sqlmap (Debian package; installed if missing) against the public endpoints of a locally started Mamori
# (Release build, SQLite, loopback): the consent API, the signals API (with a site key), the public pages' query
# and path parameters, and the console sign-in form (with its antiforgery token). Exits 1 if sqlmap reports any
# parameter injectable. Not part of the test suite; the result is written down in docs/security.md.
# Usage: scripts/sqlmap.sh [LEVEL] [RISK]
set -euo pipefail
cd "$(dirname "$0")/.."
LEVEL=${1:-3}
RISK=${2:-2}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
command -v sqlmap >/dev/null 2>&1 || { as_root apt-get update -qq; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlmap >/dev/null; }

source scripts/local-instance.sh
out=$(mktemp -d /tmp/mamori-sqlmap-XXXXXX)
common=(--batch --flush-session --level="$LEVEL" --risk="$RISK" --dbms=SQLite --output-dir="$out" --disable-coloring)
device=AbCdEfGhIjKlMnOpQrStUv
status=0

scan() {
  local name=$1; shift
  echo "== $name"
  local log="$out/$name.log"
  sqlmap "${common[@]}" "$@" >"$log" 2>&1 || true
  if grep -qE "^sqlmap: error|Usage: " "$log" || ! grep -qE "testing '|tested parameters" "$log"; then
    echo "!! $name: sqlmap did not run its tests" >&2
    tail -5 "$log" >&2
    status=2
    return
  fi
  if grep -qiE "is vulnerable|appears to be .*injectable|sqlmap identified the following injection" "$log"; then
    echo "!! $name: sqlmap reports an injection" >&2
    grep -iE "parameter|injectable|vulnerable" "$log" >&2 || true
    status=1
  else
    grep -iE "do not appear to be injectable|not injectable|all tested parameters" "$log" | tail -3 || true
  fi
  grep -E "^\[[0-9:]+\] \[(CRITICAL|WARNING)\]" "$log" | grep -viE "heuristic|might not be injectable|does not seem to be injectable|is not injectable" | sort -u | head -5 || true
}

scan consents -u "$MAMORI_URL/api/v1/consents" -H "Content-Type: application/json" \
  --data "{\"deviceId\":\"$device\",\"choices\":{\"analytics\":true},\"method\":\"banner\",\"language\":\"ja\",\"reference\":\"r1\"}"
scan signals -u "$MAMORI_URL/api/v1/signals" -H "Content-Type: application/json" -H "Authorization: Bearer $MAMORI_SITE_KEY" \
  --data "{\"batchId\":\"sqlmap-1\",\"events\":[{\"deviceId\":\"$device\",\"type\":\"page_view\",\"at\":\"2026-11-27T00:00:00Z\",\"url\":\"https://www.kakacom-insurance.example/\",\"referrer\":\"https://search.example/\",\"userAgent\":\"sqlmap\",\"ip\":\"198.51.100.1\"}]}"
scan consent-read -u "$MAMORI_URL/api/v1/consents/$device*" -H "Authorization: Bearer $MAMORI_SITE_KEY"
scan notice -u "$MAMORI_URL/privacy?lang=en"
scan notice-version -u "$MAMORI_URL/privacy/versions/2024-07-01*?lang=en"
scan cookies -u "$MAMORI_URL/privacy/cookies?lang=en"
scan sign-in -u "$MAMORI_URL/console/login" --data "UserName=admin&Password=x&__RequestVerificationToken=x" \
  --csrf-token=__RequestVerificationToken --csrf-url="$MAMORI_URL/console/login" -p "UserName,Password"

echo "sqlmap $(sqlmap --version 2>/dev/null | head -1), level $LEVEL, risk $RISK: $(case $status in 0) echo 'no injectable parameter found';; 1) echo 'INJECTION REPORTED';; *) echo 'a scan did not run';; esac)"
rm -rf "$out"
exit $status
