#!/usr/bin/env bash
# The one test command: `sudo scripts/test.sh` (or `bash scripts/test.sh` as root).
#
# On a fresh Debian/Ubuntu machine with the .NET 10 SDK it installs what the tests need and is
# missing (PostgreSQL, Chromium, Redis, nginx), starts PostgreSQL and lets the `postgres` role log in over TCP
# with the password `postgres`, builds once, then runs
#   1. the whole suite against PostgreSQL (TASKCHAT_TEST_DB=postgres), browser tests included;
#   2. the suite again against SQLite, without the Browser and Postgres-only tests.
# TRX results go to TestResults/. The last line printed is "N passed, N failed" for both runs;
# the exit code is non-zero if anything failed or if no test ran.
#
# Environment it honours:
#   TASKCHAT_TEST_POSTGRES  admin connection string of an existing server; local PostgreSQL is then left alone
#   TASKCHAT_CHROMIUM       Chromium to drive (default /usr/bin/chromium)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
results="$root/TestResults"
started=$(date +%s)

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*"; }

# Whatever stops the script early (a failed install, start or build), CI still reads a summary last.
summary_printed=""
on_exit() {
    local code=$?
    if [ -z "$summary_printed" ]; then
        echo "scripts/test.sh stopped before the tests ran to the end (exit code $code)."
        echo "0 passed, 1 failed"
    fi
}
trap on_exit EXIT

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required (dotnet is not on PATH): https://dot.net" >&2
    exit 1
fi

# --- 1. What the tests need from the machine --------------------------------------------------
missing=()
if [ -z "${TASKCHAT_TEST_POSTGRES:-}" ]; then
    if ! command -v psql >/dev/null 2>&1 || ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
        missing+=(postgresql)
    fi
fi
chromium="${TASKCHAT_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    missing+=(chromium)
fi
# The scale-out tests start their own redis-server on a free port; only the binary is needed.
if [ ! -x /usr/bin/redis-server ]; then
    missing+=(redis-server)
fi
# The load-balancer browser test starts Debian's nginx with a generated config on free ports.
if [ ! -x /usr/sbin/nginx ]; then
    missing+=(nginx)
fi
if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]} (apt)"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

if [ -z "${TASKCHAT_TEST_POSTGRES:-}" ]; then
    log "Starting PostgreSQL"
    as_root service postgresql start
    for _ in $(seq 1 60); do
        pg_isready -q -h 127.0.0.1 -p 5432 && break
        sleep 1
    done
    pg_isready -h 127.0.0.1 -p 5432
    if ! PGPASSWORD=postgres PGCONNECT_TIMEOUT=5 psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
        log "Setting the postgres role's password for TCP logins"
        as_postgres psql -q -d postgres -c "ALTER ROLE postgres WITH LOGIN PASSWORD 'postgres'"
    fi
    PGPASSWORD=postgres PGCONNECT_TIMEOUT=5 psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null
fi

# --- 2. Build once ----------------------------------------------------------------------------
log "Restoring tools and building"
dotnet tool restore
dotnet build TaskChat.sln -nologo -v quiet

rm -rf "$results"
mkdir -p "$results"

# --- 3. Run the suite twice -------------------------------------------------------------------
# The hang timeout ends a stuck test host (and reports it) rather than letting a run hang CI.
run_suite() { # run_suite NAME PROVIDER [dotnet test arguments]
    local name=$1 provider=$2
    shift 2
    log "Tests: $name (TASKCHAT_TEST_DB=$provider)"
    set +e
    TASKCHAT_TEST_DB="$provider" TASKCHAT_TEST_ARTIFACTS="$results/$name" dotnet test TaskChat.Tests --no-build -nologo \
        --results-directory "$results" --logger "trx;LogFileName=$name.trx" \
        --blame-hang-timeout 5m --blame-hang-dump-type none "$@"
    local code=$?
    set -e
    echo "$code" > "$results/$name.exitcode"
}

run_suite postgres postgres
run_suite sqlite sqlite --filter "Category!=Browser&Category!=Postgres"

# --- 4. One summary line ----------------------------------------------------------------------
counter() { # counter FILE ATTRIBUTE: the attribute of the TRX <Counters> element
    grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0
}

passed=0
failed=0
for name in postgres sqlite; do
    trx="$results/$name.trx"
    code=$(cat "$results/$name.exitcode")
    if [ ! -f "$trx" ]; then
        echo "Run '$name' left no TRX file (exit code $code)."
        failed=$((failed + 1))
        continue
    fi
    run_passed=$(counter "$trx" passed)
    run_failed=$(( $(counter "$trx" failed) + $(counter "$trx" error) + $(counter "$trx" timeout) + $(counter "$trx" aborted) ))
    if [ "$code" -ne 0 ] && [ "$run_failed" -eq 0 ]; then
        echo "Run '$name' exited with code $code although no test failed (test host crash or hang?)."
        run_failed=1
    fi
    echo "Run '$name': $run_passed passed, $run_failed failed (exit code $code)."
    passed=$((passed + run_passed))
    failed=$((failed + run_failed))
done

echo "Results: $results (took $(( $(date +%s) - started )) s)"
summary_printed=yes
echo "$passed passed, $failed failed"
if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
    exit 1
fi
