#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need when it is missing (PostgreSQL, Chromium,
# Japanese fonts, poppler) through apt, starts PostgreSQL, then runs every test project on SQLite and
# PostgreSQL, then the benchmarks' quick mode (bench/run.sh --quick: fails on a performance regression, judged by
# ratios only). Ends with one line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
dpkg -s postgresql >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || missing+=(fonts-ipafont-gothic)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL: start the cluster and make sure the test role exists.
if ! as_root pg_lsclusters -h 2>/dev/null | grep -q online; then
  as_root service postgresql start >/dev/null
fi
for _ in $(seq 1 30); do
  as_root su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
as_root su postgres -c "psql -qtAc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mamori_test') THEN CREATE ROLE mamori_test LOGIN PASSWORD 'mamori_test' CREATEDB; END IF; END \\\$\\\$;\"" >/dev/null
export MAMORI_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=mamori_test;Password=mamori_test"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Mamori.slnx -c Release -nologo -v q
log=$(mktemp)
status=0
dotnet test --solution Mamori.slnx -c Release --no-build 2>&1 | tee "$log" || status=$?

# The test platform closes with "total: N / failed: N / succeeded: N / skipped: N"; say it on one line.
count() { grep -E "^\s*$1: [0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
rm -f "$log"

# Performance regressions, by ratio to a baseline measured in the same run (about a minute).
bench=0
bench/run.sh --quick || bench=$?
[ "$bench" -eq 0 ] && echo "benchmarks (quick mode): no regression" || echo "benchmarks (quick mode): FAILED (exit $bench)" >&2

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then echo "no test ran" >&2; exit 1; fi
[ "$status" -ne 0 ] && exit $status
exit $bench
