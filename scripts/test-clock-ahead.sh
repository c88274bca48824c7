#!/usr/bin/env bash
# Runs the unit and integration tests with the system clock 60 days ahead (libfaketime), so that no test
# depends on today's date or on how old the bundled data is. Installs Debian's faketime when missing (root);
# without it and without root, says so and exits 0. `DAYS_AHEAD` picks another offset.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v faketime >/dev/null; then
  if [ "$(id -u)" != 0 ]; then echo "Clock-ahead tests skipped: faketime is not installed and this is not root"; exit 0; fi
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null) || {
    echo "Clock-ahead tests failed: could not install faketime"; exit 1; }
fi

days=${DAYS_AHEAD:-60}
echo "Unit and integration tests with the clock ${days} days ahead: $(faketime -f "+${days}d" date -u)"
# Only the wall clock moves: timers and timeouts keep real (monotonic) time.
export FAKETIME_DONT_FAKE_MONOTONIC=1
exec faketime -f "+${days}d" npx vitest run --config vitest.config.ts "$@"
