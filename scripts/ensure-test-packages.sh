#!/usr/bin/env bash
# Install the Debian packages only the tests need, and only those that are missing: Chromium and
# its driver, in which the published page is checked with axe-core (tests/reports/test_publication_browser.py,
# docs/publication.md), and PostgreSQL, whose initdb and pg_ctl start a throwaway server for the
# shared-database tests (tests/pg_server.py, docs/shared-database.md). Runs as part of `make test`;
# does nothing on a machine that has them.
# CHROMIUM and CHROMEDRIVER name where the tests look for them (Debian's paths by default).
set -euo pipefail

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

missing=()
[ -x "$CHROMIUM" ]     || missing+=(chromium)
[ -x "$CHROMEDRIVER" ] || missing+=(chromium-driver)
if [ -n "${PG_BIN:-}" ]; then
  [ -x "$PG_BIN/initdb" ] || { echo "PG_BIN=$PG_BIN has no initdb" >&2; exit 1; }
else
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
fi

[ ${#missing[@]} -eq 0 ] || "$(dirname "$0")/apt-install.sh" "${missing[@]}"
