#!/usr/bin/env bash
# Install the Debian packages named on the command line with apt-get, as root or through
# sudo. Called by scripts/ensure-system-packages.sh and scripts/ensure-build-packages.sh
# with only the packages that are missing.
#
#   scripts/apt-install.sh PACKAGE...
#
# Another apt or dpkg may be running (unattended-upgrades on a fresh machine, a second
# terminal): this waits for it, up to APT_LOCK_TIMEOUT seconds (default 600), instead of
# failing at once. apt-get waits for dpkg's lock itself (DPkg::Lock::Timeout); `apt-get
# update` does not wait for the package lists' lock, so it is retried here while that lock
# is held.
set -euo pipefail

[ $# -gt 0 ] || exit 0
timeout=${APT_LOCK_TIMEOUT:-600}

if ! command -v apt-get >/dev/null 2>&1; then
  echo "These Debian packages are needed but missing: $*" >&2
  echo "This system has no apt-get: install what they provide with its own package manager." >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "These Debian packages are needed but missing: $*" >&2
  echo "Install them as root: apt-get install $*" >&2
  exit 1
fi

echo "Installing missing system packages: $*"
# `env` sets the variables for apt-get itself: sudo would drop them from our environment.
# LC_ALL=C: the lock message below is matched in English.
apt_get() {
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive LC_ALL=C \
    apt-get -o DPkg::Lock::Timeout="$timeout" "$@"
}

deadline=$((SECONDS + timeout))
told=""
until output=$(apt_get update -qq 2>&1); do
  if grep -q "Could not get lock" <<<"$output" && [ "$SECONDS" -lt "$deadline" ]; then
    [ -n "$told" ] || echo "Another apt or dpkg is running; waiting for it (up to $timeout s)..."
    told=yes
    sleep 3
    continue
  fi
  printf '%s\n' "$output" >&2
  echo "apt-get update failed; the packages above were not installed." >&2
  exit 1
done
[ -z "$output" ] || printf '%s\n' "$output"
[ -z "$told" ] || echo "The other package manager has finished; the package lists are updated."

# -q (not -qq) so that apt's own "Waiting for cache lock" lines show while it waits.
apt_get install -y -q --no-install-recommends "$@"
