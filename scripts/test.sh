#!/usr/bin/env bash
# Runs the whole test suite the way CI does: a throwaway PostgreSQL cluster for the PostgreSQL tests, `dotnet test`
# on the solution (Debian's chromium installed first when missing, for the web page's browser tests), the cluster
# stopped again (also when tests fail or the run is interrupted), and one closing line "N passed, N failed" counted
# from the TRX reports, with a progress line per hundred finished tests on the way. Exits non-zero on any failure.
# The browser tests' screenshots stay in TestResults/ at the root.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/eventdialogue-test.XXXXXX")
cluster="$work/pg"

cleanup() {
  [ -d "$work" ] || return 0
  bash "$root/scripts/postgres-cluster.sh" stop "$cluster" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Test clusters skip fsync (see scripts/postgres-cluster.sh), the throwaway clusters tests start for themselves too.
export POSTGRES_CLUSTER_FSYNC=off
if ! connection=$(bash "$root/scripts/postgres-cluster.sh" start "$cluster"); then
  echo "could not start the test PostgreSQL cluster" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
export EVENTDIALOGUE_TEST_POSTGRES="$connection"

# The web page's tests drive Debian's chromium (Playwright cannot download its own browser here), and keep a
# screenshot of each page they open where a reader of the run can find them (the TRX reports go with the run).
export EVENTDIALOGUE_TEST_RESULTS="${EVENTDIALOGUE_TEST_RESULTS:-$root/TestResults}"
if ! bash "$root/scripts/chromium.sh" >/dev/null; then
  echo "could not install Debian's chromium for the browser tests" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# Each finished test is counted per project and shown every hundred tests (scripts/test-progress.awk), so that a
# long project is never silent; failures are printed in full.
dotnet test "$root/EventDialogue.sln" --logger trx --logger "console;verbosity=normal" --results-directory "$work/results" "$@" \
  | awk -f "$root/scripts/test-progress.awk"
status=${PIPESTATUS[0]}

passed=0
failed=0
for report in "$work"/results/*.trx; do
  [ -f "$report" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$report" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

# stop the cluster now, so that the counts are the last line printed
cleanup

# a build error or a crashed test host fails the run even when no test reported a failure
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
