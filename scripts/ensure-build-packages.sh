#!/usr/bin/env bash
# What `make dist` needs beyond `make setup`, installed only when missing, the way
# scripts/ensure-system-packages.sh does for Qt's libraries. On Linux, PyInstaller
# - reads the libraries' dependencies with objdump and strips them with strip (binutils);
# - copies the Python shared library (libpython3.X.so.1.0) into the bundle. Debian's
#   python3 runs without it, so a fresh Debian has no libpython3.X: PyInstaller stops with
#   "Python shared library ... was not found".
# PYTHON (default python3) is the interpreter the build runs on (the venv's, from make).
set -euo pipefail

[ "$(uname -s)" = "Linux" ] || exit 0
PYTHON=${PYTHON:-python3}
missing=()

command -v objdump >/dev/null 2>&1 && command -v strip >/dev/null 2>&1 || missing+=(binutils)

# The shared library by the name PyInstaller looks for: sysconfig's INSTSONAME, when Python
# was built with one (Py_ENABLE_SHARED), in LIBDIR or anywhere the dynamic linker finds it.
{ read -r shared; read -r soname; read -r libdir; read -r executable; } < <("$PYTHON" -c '
import os, sys, sysconfig
for name in ("Py_ENABLE_SHARED", "INSTSONAME", "LIBDIR"):
    print(sysconfig.get_config_var(name) or "")
print(os.path.realpath(sys.executable))')
if [ "$shared" = 1 ] && [ -n "$soname" ] && [ ! -e "$libdir/$soname" ]; then
  LDCONFIG=$(PATH="$PATH:/usr/sbin:/sbin" command -v ldconfig || true)
  LIBS=$([ -n "$LDCONFIG" ] && "$LDCONFIG" -p 2>/dev/null || true)
  if ! grep -qF "$soname " <<<"$LIBS"; then
    if dpkg-query -S "$executable" >/dev/null 2>&1; then
      # Debian's interpreter: libpython3.11.so.1.0 is in the package libpython3.11.
      missing+=("${soname%%.so*}")
    else
      echo "PyInstaller needs $soname, the shared library of $executable, and it is" \
        "not in $libdir. Build that Python with --enable-shared." >&2
    fi
  fi
fi

[ ${#missing[@]} -eq 0 ] || "$(dirname "$0")/apt-install.sh" "${missing[@]}"
