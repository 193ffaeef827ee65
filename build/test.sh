#!/usr/bin/env bash
# Runs the whole test suite the same way on a developer machine and in CI:
#  1. installs what a fresh Debian machine lacks (PostgreSQL 15, Chromium) when running as root,
#  2. starts a PostgreSQL server for the tests (Debian's cluster as root, a private one otherwise),
#  3. installs the CVSS reference implementation for the differential tests (npm ci in tests/oracles/cvss),
#  4. runs `dotnet test` on the solution and prints "N passed, N failed, N skipped" as its last line.
# Usage: build/test.sh [extra dotnet test arguments]
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

log() { printf '==> %s\n' "$*"; }

as_root() { [ "$(id -u)" = 0 ]; }

install_missing() {
  local need=()
  command -v pg_ctlcluster >/dev/null 2>&1 || [ -x /usr/lib/postgresql/15/bin/pg_ctl ] || need+=(postgresql)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
  if [ ${#need[@]} -gt 0 ]; then
    if as_root; then
      log "installing ${need[*]} from Debian packages"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    else
      log "missing ${need[*]}: install them with: sudo apt-get install -y ${need[*]}"
    fi
  fi
}

start_postgres() {
  local pgbin=/usr/lib/postgresql/15/bin
  if as_root && command -v pg_ctlcluster >/dev/null 2>&1; then
    # initdb refuses to run as root, so use Debian's own cluster (created by the package).
    if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
      pg_createcluster 15 main >/dev/null
    fi
    pg_ctlcluster 15 main start 2>/dev/null || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    su postgres -c "psql -q -p 5432 -tAc \"SELECT 1 FROM pg_roles WHERE rolname='rampart_test'\"" | grep -q 1 \
      || su postgres -c "psql -q -p 5432 -c \"CREATE ROLE rampart_test LOGIN SUPERUSER PASSWORD 'rampart_test'\"" >/dev/null
    export RAMPART_TEST_PG="Host=127.0.0.1;Port=5432;Username=rampart_test;Password=rampart_test;Database=postgres"
  elif [ -x "$pgbin/initdb" ]; then
    # Not root: a private throw-away cluster under .pgtest/ on its own port.
    local dir="$root/.pgtest" port=55432
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      rm -rf "$dir"; mkdir -p "$dir"
      echo rampart_test > "$dir/pw"
      "$pgbin/initdb" -D "$dir/data" -U rampart_test --pwfile="$dir/pw" -A scram-sha-256 >/dev/null
    fi
    "$pgbin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1" -l "$dir/log" -w start >/dev/null 2>&1 || true
    export RAMPART_TEST_PG="Host=127.0.0.1;Port=$port;Username=rampart_test;Password=rampart_test;Database=postgres"
  else
    log "PostgreSQL is not installed: its tests will be skipped (outside CI) or fail (in CI)"
    return
  fi
  if pg_isready -q -h 127.0.0.1 -p "${RAMPART_TEST_PG#*Port=}" 2>/dev/null || pg_isready -q -h 127.0.0.1 -p "$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$RAMPART_TEST_PG")"; then
    log "PostgreSQL is ready for the tests"
  else
    log "PostgreSQL did not start"
  fi
}

install_cvss_oracle() {
  # The pinned ae-cvss-calculator (package-lock.json) that tests/Rampart.Core.Tests/Cvss compares every score with.
  local dir="$root/tests/oracles/cvss"
  [ -d "$dir/node_modules/ae-cvss-calculator" ] && return
  if command -v npm >/dev/null 2>&1; then
    log "installing the CVSS oracle (npm ci in tests/oracles/cvss)"
    (cd "$dir" && npm ci --no-audit --no-fund --silent) \
      || log "npm ci failed: the CVSS differential tests will be skipped (outside CI) or fail (in CI)"
  else
    log "npm is missing: the CVSS differential tests will be skipped (outside CI) or fail (in CI)"
  fi
}

install_missing
start_postgres
install_cvss_oracle

log "dotnet test Rampart.slnx"
dotnet test Rampart.slnx --logger "trx" --results-directory "$results" "$@"
status=$?

# Sum the counters of every TRX file (one per test project).
summary=$(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None:
        continue
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
)
if [ "$status" -ne 0 ] && [ "${summary#0 passed, 0 failed}" != "$summary" ]; then
  summary="0 passed, 1 failed, 0 skipped"
fi
echo "$summary"
exit "$status"
