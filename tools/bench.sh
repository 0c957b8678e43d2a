#!/usr/bin/env bash
# Runs the benchmark in Release on SQLite and on a throwaway PostgreSQL cluster: the event store against raw SQL, the
# rebuild of every view against a raw read of the same events, and view reads on the real server (built with the
# benchmark, run as a child process) against a near-empty call.
#   tools/bench.sh [benchmark options]     e.g. tools/bench.sh --events 1000 --markdown, tools/bench.sh --measure rebuild
# The result tables go to stdout, progress to stderr. The cluster and every file the run made are removed at the
# end, on failure and on Ctrl-C too.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
project="$root/tools/EventDialogue.Benchmarks"
work=$(mktemp -d "${TMPDIR:-/tmp}/eventdialogue-bench.XXXXXX")

cleanup() {
  "$root/scripts/postgres-cluster.sh" stop "$work/postgres" || true
  rm -rf "$work"
}
trap cleanup EXIT
# bash runs the EXIT trap on exit, not when killed by a signal: turn signals into an exit.
trap 'exit 130' INT
trap 'exit 143' TERM

dotnet build "$project" -c Release -nologo -v quiet >&2
connection=$("$root/scripts/postgres-cluster.sh" start "$work/postgres")

dotnet run --project "$project" -c Release --no-build -- \
  --backend sqlite postgres --postgres "$connection" --work-dir "$work" "$@"
