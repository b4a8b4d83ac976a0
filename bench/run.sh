#!/usr/bin/env bash
# Every performance figure of issue 9 in one run, printed as one table with its target (see docs/performance.md).
#
#   bench/run.sh --quick          small scale (2,000 persons, 20,000 signals), under a minute after the build; exits 1
#                                 when a ratio falls below its floor (for CI: ratios only, absolute figures are noise)
#   bench/run.sh --scale full     1,000,000 persons, 10,000,000 signals (generated once, then reused from the cache)
#   bench/run.sh --scale N        N persons, 10·N signals
#   bench/run.sh --quick --only http   the HTTP loads alone (for work on the endpoints; no regression check)
#
# Options passed on: --regenerate (rebuild the cached data set), --cache DIR (default: $MAMORI_BENCH_CACHE or
# ~/.cache/mamori-bench). Needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then
    echo "bench/run.sh: wrk is missing; install it with: apt-get install -y wrk" >&2
    exit 2
fi
if [ $# -eq 0 ]; then
    set -- --quick
fi

# Release builds of the host (cold start and HTTP run its executable) and of the driver.
dotnet build -c Release src/Mamori -nologo -v quiet -clp:ErrorsOnly
dotnet build -c Release bench/Mamori.Bench -nologo -v quiet -clp:ErrorsOnly
exec dotnet bench/Mamori.Bench/bin/Release/net10.0/Mamori.Bench.dll macro "$@"
