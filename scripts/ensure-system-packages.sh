#!/usr/bin/env bash
# Install the Debian packages Qt (PySide6) and the venv need, but only those that are missing.
# Runs as part of `make setup`; does nothing on a machine that already has everything.
# PYTHON (default python3) is the interpreter the venv is made from.
set -euo pipefail

PYTHON=${PYTHON:-python3}
# ldconfig is in /sbin, which is not on a normal user's PATH on Debian.
LDCONFIG=$(PATH="$PATH:/usr/sbin:/sbin" command -v ldconfig || true)
LIBS=$([ -n "$LDCONFIG" ] && "$LDCONFIG" -p 2>/dev/null || true)
have_lib() { grep -qF "$1 " <<<"$LIBS"; }

missing=()
# Python's venv needs ensurepip (Debian ships it separately as python3-venv).
"$PYTHON" -c "import ensurepip" 2>/dev/null || missing+=(python3-venv)
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
  have_lib 'libwayland-cursor.so.0' || missing+=(libwayland-cursor0)   # Qt's Wayland plugin
fi

[ ${#missing[@]} -eq 0 ] || "$(dirname "$0")/apt-install.sh" "${missing[@]}"
