#!/usr/bin/env bash
# Install the Debian packages Qt (PySide6) and the venv need, but only those that are missing.
# Runs as part of `make setup`; does nothing on a machine that already has everything.
set -euo pipefail

missing=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }

# Python's venv needs ensurepip (Debian ships it separately as python3-venv).
python3 -c "import ensurepip" 2>/dev/null || missing+=(python3-venv)
# Qt's libraries: offscreen rendering (tests) and the X11/Wayland window (the app).
have_lib 'libGL.so.1'            || missing+=(libgl1)
have_lib 'libEGL.so.1'           || missing+=(libegl1)
have_lib 'libfontconfig.so.1'    || missing+=(libfontconfig1)
have_lib 'libxkbcommon.so.0'     || missing+=(libxkbcommon0)
have_lib 'libglib-2.0.so.0'      || missing+=(libglib2.0-0)
have_lib 'libdbus-1.so.3'        || missing+=(libdbus-1-3)
if [ -z "${CI:-}" ]; then
  have_lib 'libxkbcommon-x11.so.0' || missing+=(libxkbcommon-x11-0)
  have_lib 'libxcb-cursor.so.0'    || missing+=(libxcb-cursor0)
  have_lib 'libxcb-icccm.so.4'     || missing+=(libxcb-icccm4)
  have_lib 'libxcb-keysyms.so.1'   || missing+=(libxcb-keysyms1)
  have_lib 'libxcb-shape.so.0'     || missing+=(libxcb-shape0)
  have_lib 'libxcb-render-util.so.0' || missing+=(libxcb-render-util0)
  have_lib 'libxcb-image.so.0'     || missing+=(libxcb-image0)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "These Debian packages are needed but missing: ${missing[*]}" >&2
  echo "Install them as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
