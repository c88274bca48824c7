#!/usr/bin/env bash
# Runs the account-service integration tests against a real PostgreSQL on loopback (they run on PGlite in
# `npm test`). Starts a throw-away cluster with Debian's PostgreSQL, installing it when missing; when it cannot
# start (no root, no package), says so and exits 0: PostgreSQL is an extra check, PGlite is the default.
set -uo pipefail
cd "$(dirname "$0")/.."

skip() { echo "PostgreSQL tests skipped: $1"; exit 0; }

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  [ "$(id -u)" = 0 ] || skip "PostgreSQL is not installed and this is not root"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || skip "could not install postgresql"
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[ -n "$bindir" ] || skip "no PostgreSQL binaries"
id postgres >/dev/null 2>&1 || skip "no postgres user"

datadir=$(mktemp -d /tmp/rampart-pg.XXXXXX)
chown postgres "$datadir"
port=${PG_TEST_PORT:-55432}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_postgres "$bindir/initdb" -D "$datadir" -A trust -U postgres >/dev/null || skip "initdb failed"
as_postgres "$bindir/pg_ctl" -D "$datadir" -o "-h 127.0.0.1 -p $port -k $datadir" -l "$datadir/log" -w start >/dev/null || skip "the server did not start"
trap 'as_postgres "$bindir/pg_ctl" -D "$datadir" -m fast stop >/dev/null; rm -rf "$datadir"' EXIT

TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" npx vitest run --config vitest.config.ts "${@:-test/integration/server}"
