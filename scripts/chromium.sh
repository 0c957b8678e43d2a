#!/usr/bin/env bash
# Makes sure Debian's chromium is installed, for the browser tests (Playwright drives it: its own browser download
# cannot work here); prints the browser's path. Installs under a lock, so that concurrent test runs do not clash,
# and waits for apt's own lock when something else is installing.
set -euo pipefail

browser=/usr/bin/chromium
if [ -x "$browser" ]; then echo "$browser"; exit 0; fi

exec 9>"${TMPDIR:-/tmp}/eventdialogue-chromium-install.lock"
flock -w 900 9 || { echo "chromium.sh: another run has held the install lock for 15 minutes" >&2; exit 1; }
if [ ! -x "$browser" ]; then
  echo "chromium.sh: $browser not found; installing Debian's chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  sudo_=()
  [ "$(id -u)" = 0 ] || sudo_=(sudo -n)
  "${sudo_[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  "${sudo_[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
fi
[ -x "$browser" ] || { echo "chromium.sh: $browser still missing after installing chromium" >&2; exit 1; }
echo "$browser"
