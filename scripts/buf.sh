#!/usr/bin/env bash
# Runs the buf CLI pinned in tools/buf/package.json (npm ships its binary), installing it first when it is missing:
#   bash scripts/buf.sh lint DIR          (for our protos, scripts/lint-protos.sh)
#   bash scripts/buf.sh curl --http2-prior-knowledge --protocol grpc --data '{...}' http://localhost:5080/...
# Arguments are passed through unchanged and read relative to the caller's working directory.
set -euo pipefail

tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/../tools/buf" && pwd)"
buf="$tools/node_modules/.bin/buf"

if [ ! -x "$buf" ]; then
  # Tests may run this concurrently: the lock on the folder lets one install while the others wait and then find buf.
  flock "$tools" bash -c '
    cd "$1"
    if [ ! -x node_modules/.bin/buf ]; then
      echo "installing buf from tools/buf/package-lock.json ..." >&2
      npm ci --no-audit --no-fund --loglevel=error >&2
    fi' _ "$tools"
fi

exec "$buf" "$@"
