#!/usr/bin/env bash
# What `make dist` needs beyond `make setup`: on Linux, PyInstaller reads the libraries'
# dependencies with objdump and strips them with strip (both from binutils). Installs it only
# when missing, the way scripts/ensure-system-packages.sh does for Qt's libraries.
set -euo pipefail

[ "$(uname -s)" = "Linux" ] || exit 0
command -v objdump >/dev/null 2>&1 && command -v strip >/dev/null 2>&1 && exit 0

echo "Installing missing system packages: binutils"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "PyInstaller needs objdump and strip (Debian package binutils), which are missing." >&2
  echo "Install it as root: apt-get install binutils" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends binutils
