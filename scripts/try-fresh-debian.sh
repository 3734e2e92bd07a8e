#!/usr/bin/env bash
# Run the README's test command on a fresh Debian 12, the way CI or a new developer would:
# a minimal Debian 12 root (debootstrap) with only python3, python3-venv, python3-pip, make
# and git, a fresh clone of this repository's current branch, and `CI=true make test` as root.
# Needs root on a Debian or Ubuntu host (debootstrap, chroot, mount); see docs/packaging.md.
#
#   sudo scripts/try-fresh-debian.sh [COMMAND]      # default: make test
#
# The first run builds the root and keeps a pristine copy beside it (FRESH_ROOT.tar.gz);
# every run starts again from that copy, so nothing from an earlier run is left. The root
# is left as the run ended, for a look inside (`chroot FRESH_ROOT`).
#
# FRESH_ROOT   where the root is  (default /var/tmp/medborgarloften-debian12)
# FRESH_REF    what is cloned     (default: the branch checked out here; only commits count)
# DEBIAN_MIRROR                   (default http://deb.debian.org/debian)
set -euo pipefail
# Run through sudo, root reads a repository that another user owns.
git() { command git -c safe.directory='*' "$@"; }

ROOT=${FRESH_ROOT:-/var/tmp/medborgarloften-debian12}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
COMMAND=${*:-make test}
REPO=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
REF=${FRESH_REF:-$(git -C "$REPO" rev-parse --abbrev-ref HEAD)}
PRISTINE="$ROOT.tar.gz"
PACKAGES=python3,python3-venv,python3-pip,make,git

say() { printf 'try-fresh-debian: %s\n' "$*"; }
[ "$(id -u)" -eq 0 ] || { say "run as root (debootstrap, chroot and mount need it)" >&2; exit 1; }
case "$ROOT" in /?*) ;; *) say "FRESH_ROOT must be an absolute path, not '$ROOT'" >&2; exit 1 ;; esac
ROOT=${ROOT%/}

mounts_under_root() { findmnt -rn -o TARGET | awk -v r="$ROOT" 'index($0, r "/") == 1' | sort -r; }
unmount_all() {
  local target
  for target in $(mounts_under_root); do umount "$target" 2>/dev/null || umount -l "$target"; done
}

# This machine's network set-up, so that apt and pip inside reach what they reach here:
# name server and hosts, local certificate authorities, apt proxy and archive-date settings, pip.conf.
copy_network_setup() {
  cp -L /etc/resolv.conf "$1/etc/resolv.conf"
  cp -L /etc/hosts "$1/etc/hosts"   # minbase has none; sudo wants the host name in it
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$1/usr/local/share/ca-certificates/"
    chroot "$1" update-ca-certificates >/dev/null
  fi
  local conf
  for conf in $(grep -l -i -E 'proxy|Check-Valid-Until|Check-Date' /etc/apt/apt.conf.d/* 2>/dev/null); do
    cp "$conf" "$1/etc/apt/apt.conf.d/"
  done
  [ ! -f /etc/pip.conf ] || cp /etc/pip.conf "$1/etc/pip.conf"
}

if [ ! -f "$PRISTINE" ]; then
  command -v debootstrap >/dev/null 2>&1 || "$REPO/scripts/apt-install.sh" debootstrap
  say "building a minimal Debian 12 in $ROOT.new (about a minute)"
  rm -rf "$ROOT.new"
  debootstrap --variant=minbase --include="$PACKAGES" bookworm "$ROOT.new" "$MIRROR" \
    > "$ROOT.debootstrap.log" 2>&1 || { say "debootstrap failed: $ROOT.debootstrap.log" >&2; exit 1; }
  # The package sources of an installed Debian 12: with its updates and security updates.
  printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb %s-security bookworm-security main\n' \
    "$MIRROR" "$MIRROR" "$MIRROR" > "$ROOT.new/etc/apt/sources.list"
  copy_network_setup "$ROOT.new"
  tar -C "$ROOT.new" --numeric-owner -czf "$PRISTINE.tmp" . && mv "$PRISTINE.tmp" "$PRISTINE"
  rm -rf "$ROOT.new"
fi

say "a fresh root from $PRISTINE"
unmount_all
[ -z "$(mounts_under_root)" ] || { say "still mounted under $ROOT: $(mounts_under_root)" >&2; exit 1; }
rm -rf "$ROOT"
mkdir -p "$ROOT"
tar -C "$ROOT" --numeric-owner -xzf "$PRISTINE"
copy_network_setup "$ROOT"   # again: this machine's name server may have changed

trap unmount_all EXIT
mount -t proc proc "$ROOT/proc"
mount -t sysfs sysfs "$ROOT/sys"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"
mount -t tmpfs shm "$ROOT/dev/shm"

say "cloning $REF of $REPO ($(git -C "$REPO" rev-parse --short "$REF"))"
git clone --quiet --branch "$REF" "$REPO" "$ROOT/root/medborgarloften"

# A clean environment, as a login would have, plus this machine's proxies if it has any.
environment=(HOME=/root LANG=C.UTF-8 CI=true PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
for name in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY PIP_INDEX_URL; do
  [ -z "${!name:-}" ] || environment+=("$name=${!name}")
done
say "running '$COMMAND' with CI=true as root in $ROOT/root/medborgarloften"
start=$SECONDS
status=0
chroot "$ROOT" /usr/bin/env -i "${environment[@]}" \
  bash -c 'cd /root/medborgarloften && eval "$1"' bash "$COMMAND" || status=$?
elapsed=$((SECONDS - start))
say "'$COMMAND' exited $status after $((elapsed / 60)) min $((elapsed % 60)) s"
exit "$status"
