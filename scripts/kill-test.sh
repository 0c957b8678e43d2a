#!/usr/bin/env bash
# Long SIGKILL runs: the suite's kill-under-load test (tests/EventDialogue.Server.Tests/Faults) with many more kills.
#   kill-test.sh [KILLS] [sqlite|postgres|both] [SEED]
# KILLS per backend (default 100), both backends by default, a random seed unless given (each run prints its seed,
# and the same seed makes the same random choices again). For postgres it starts a throwaway cluster unless
# EVENTDIALOGUE_TEST_POSTGRES is already set, and stops it at the end. Prints each kill's figures, then a summary.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kills=${1:-100}
backend=${2:-both}
seed=${3:-}
case "$kills" in ''|*[!0-9]*) echo "kill-test: KILLS must be a whole number, not '$kills'" >&2; exit 2 ;; esac
case "$backend" in
  sqlite) filter="FullyQualifiedName~Faults.SqliteKillUnderLoadTests" ;;
  postgres) filter="FullyQualifiedName~Faults.PostgresKillUnderLoadTests" ;;
  both) filter="FullyQualifiedName~Faults.SqliteKillUnderLoadTests|FullyQualifiedName~Faults.PostgresKillUnderLoadTests" ;;
  *) echo "kill-test: the backend must be sqlite, postgres or both, not '$backend'" >&2; exit 2 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/eventdialogue-kill-test.XXXXXX")
cleanup() {
  bash "$root/scripts/postgres-cluster.sh" stop "$work/pg" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$backend" != sqlite ] && [ -z "${EVENTDIALOGUE_TEST_POSTGRES:-}" ]; then
  if ! EVENTDIALOGUE_TEST_POSTGRES=$(bash "$root/scripts/postgres-cluster.sh" start "$work/pg"); then
    echo "kill-test: could not start a PostgreSQL cluster" >&2
    exit 1
  fi
  export EVENTDIALOGUE_TEST_POSTGRES
fi

export EVENTDIALOGUE_FAULTS_KILLS="$kills"
[ -n "$seed" ] && export EVENTDIALOGUE_FAULTS_SEED="$seed"

# The test's own bound grows with KILLS (two minutes a kill); the detailed console logger shows each kill's line.
dotnet test "$root/tests/EventDialogue.Server.Tests" --filter "$filter" --logger "console;verbosity=detailed" \
  | tee "$work/output.txt" | grep --line-buffered -E "kill [0-9]+:|kills survived|seed"
status=${PIPESTATUS[0]}

echo
if [ "$status" -eq 0 ]; then
  grep -E "kills survived" "$work/output.txt"
  echo "kill-test: passed"
else
  tail -n 100 "$work/output.txt"
  echo "kill-test: FAILED (exit $status)"
fi
exit "$status"
