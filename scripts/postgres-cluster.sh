#!/usr/bin/env bash
# A throwaway PostgreSQL cluster from the machine's own binaries, for tests and benchmarks.
#   postgres-cluster.sh start DIR   creates and starts a cluster in DIR; prints its connection string
#   postgres-cluster.sh stop DIR    stops it (and is quiet when there is nothing to stop)
#   postgres-cluster.sh pause DIR   shuts it down cleanly (pg_ctl -m fast), keeping its data, for outage tests
#   postgres-cluster.sh resume DIR  starts a paused cluster again, on the same port
#   postgres-cluster.sh restart DIR pg_ctl restart -m fast: every session is ended, the server is back at once
# It listens on 127.0.0.1 on a free port (POSTGRES_CLUSTER_PORT when set) and on a unix socket in DIR; it installs
# Debian's postgresql if missing.
# With POSTGRES_CLUSTER_FSYNC=off (scripts/test.sh sets it) the cluster never waits for the disk: commits still go
# to the operating system before they return, so a killed client or server loses nothing, only a crash of the machine
# would, and a test cluster is thrown away then anyway. Benchmarks leave it unset and measure durable commits.
set -euo pipefail

find_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

ensure_installed() {
  if find_bin >/dev/null; then return 0; fi
  echo "postgres-cluster: PostgreSQL binaries not found; installing Debian's postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  find_bin >/dev/null || { echo "postgres-cluster: initdb/pg_ctl still missing after installing postgresql" >&2; exit 1; }
}

# initdb and postgres refuse to run as root: run them as the 'postgres' user the Debian package creates.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

start() {
  local dir=$1
  ensure_installed
  local bin; bin=$(find_bin)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$dir"
    # the postgres user must be able to reach the folder
    local d=$dir
    while [ "$d" != / ]; do chmod o+x "$d" 2>/dev/null || true; d=$(dirname "$d"); done
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  if [ "${POSTGRES_CLUSTER_FSYNC:-on}" = off ]; then
    # in the cluster's own settings, so that resume and restart keep them
    printf 'fsync = off\nfull_page_writes = off\n' >>"$dir/data/postgresql.conf"
  fi
  # a caller that hands out ports itself (the tests) names the one to take, so that no two of its listeners get one
  local port; port=${POSTGRES_CLUSTER_PORT:-$(free_port)}
  launch "$bin" "$dir" "$port"
  echo "$port" >"$dir/port"
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100"
}

launch() {
  local bin=$1 dir=$2 port=$3
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -s \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=128MB" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
}

pause() {
  local dir=$1
  local bin; bin=$(find_bin)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 -s stop >&2
}

resume() {
  local dir; dir=$(cd "$1" && pwd)
  local bin; bin=$(find_bin)
  launch "$bin" "$dir" "$(cat "$dir/port")"
}

restart() {
  local dir=$1
  local bin; bin=$(find_bin)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 -s restart >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
}

stop() {
  local dir=$1
  [ -f "$dir/data/postmaster.pid" ] || return 0
  local bin; bin=$(find_bin) || return 0
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -s stop >&2 || true
}

case "${1:-}" in
  start) start "${2:?usage: $0 start DIR}" ;;
  stop) stop "${2:?usage: $0 stop DIR}" ;;
  pause) pause "${2:?usage: $0 pause DIR}" ;;
  resume) resume "${2:?usage: $0 resume DIR}" ;;
  restart) restart "${2:?usage: $0 restart DIR}" ;;
  *) echo "usage: $0 start|stop|pause|resume|restart DIR" >&2; exit 2 ;;
esac
