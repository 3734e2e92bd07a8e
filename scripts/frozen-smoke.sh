#!/usr/bin/env bash
# The packaged application, started the way a workstation starts it: headless, on a fresh
# empty data folder, with nothing from the checkout on its path. Run by `make dist-smoke`
# (and so by `make test` in CI) after `make dist`. See docs/packaging.md.
#
#   scripts/frozen-smoke.sh [dist/medborgarloften]
#
# PYTHON (default: python3) is used only to make a throwaway signing certificate and to
# read the migrated file's schema version; the application itself runs frozen.
set -euo pipefail
cd "$(dirname "$0")/.."

ROOT=$(pwd)
BUNDLE=${1:-dist/medborgarloften}
[ -x "$BUNDLE/medborgarloften" ] || { echo "frozen-smoke: $BUNDLE/medborgarloften is missing; run \`make dist\` first" >&2; exit 1; }
BUNDLE=$(cd "$BUNDLE" && pwd)
APP="$BUNDLE/medborgarloften"
case "$PYTHON" in /*) ;; */*) PYTHON="$ROOT/$PYTHON" ;; esac   # we change folder below
PYTHON=${PYTHON:-python3}
DEMO_TITLE="Solna – medborgarlöften 2022"
VERSION=$(sed -n 's/^version *= *"\(.*\)"/\1/p' pyproject.toml | head -n 1)
SCHEMA_VERSION=$(sed -n 's/^SCHEMA_VERSION *= *\([0-9]*\).*/\1/p' promises_app/storage/migrate.py)

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export QT_QPA_PLATFORM=offscreen
export MEDBORGARLOFTEN_DATA_DIR="$TMP/data"   # empty: the first start makes the demo database
# Nothing from the checkout or the venv may leak into the frozen program.
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV
cd "$TMP"   # and it must not depend on the working folder either

step() { printf '\n== %s\n' "$*"; }
fail() { echo "frozen-smoke: FAILED: $*" >&2; exit 1; }
app() { "$APP" "$@"; }

step "version"
app --version | tee version.txt
grep -qF "$VERSION" version.txt || fail "--version does not say $VERSION (pyproject.toml)"
[ "$(cat "$BUNDLE/_internal/VERSION")" = "$VERSION" ] || fail "the bundle's VERSION file does not say $VERSION"

step "--smoke: the main window on a fresh demo database"
app --smoke | tee smoke.txt
grep -qF "$DEMO_TITLE" smoke.txt || fail "the window does not show \"$DEMO_TITLE\""
[ -f "$MEDBORGARLOFTEN_DATA_DIR/medborgarloften.sqlite" ] || fail "no database in the data folder"

step "command line: demo, list, reports"
app --db x.sqlite demo
app --db x.sqlite list | tee list.txt
grep -qF "$DEMO_TITLE" list.txt || fail "list does not show \"$DEMO_TITLE\""
app --db x.sqlite report followup "$DEMO_TITLE" --period 2022-T2 -o f.pdf
[ "$(head -c 4 f.pdf)" = "%PDF" ] || fail "report followup did not write a PDF"
app --db x.sqlite report agreement "$DEMO_TITLE" -o agreement.pdf
[ "$(head -c 4 agreement.pdf)" = "%PDF" ] || fail "report agreement did not write a PDF"
app --db x.sqlite verify agreement.pdf   # pyHanko reads the PDF
app --db x.sqlite verify-db
app --db x.sqlite check

step "exchange and spreadsheets (jsonschema, openpyxl)"
app --db x.sqlite export-json "$DEMO_TITLE" -o solna.json
app --db y.sqlite import solna.json
app --db x.sqlite export-xlsx "$DEMO_TITLE" -o solna.xlsx
[ "$(head -c 2 solna.xlsx)" = "PK" ] || fail "export-xlsx did not write a workbook"

step "a digital signature (pyHanko, cryptography)"
if "$PYTHON" -c "import cryptography" 2>/dev/null; then
    "$PYTHON" - <<'EOF'
from datetime import datetime, timedelta, timezone

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Frozen Smoke")])
now = datetime.now(timezone.utc)
cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
        .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), True)
        .sign(key, hashes.SHA256()))
p12 = pkcs12.serialize_key_and_certificates(
    b"smoke", key, cert, None, serialization.BestAvailableEncryption(b"smoke"))
open("smoke.p12", "wb").write(p12)
EOF
    MEDBORGARLOFTEN_CERT_PASSWORD=smoke app --db x.sqlite report agreement "$DEMO_TITLE" \
        -o signed.pdf --certificate smoke.p12
    app --db x.sqlite verify signed.pdf 2>/dev/null | tee verify.txt
    grep -q "Digitalt signerad av Frozen Smoke" verify.txt || fail "the signature was not found"
else
    echo "(skipped: $PYTHON has no cryptography to make a test certificate)"
fi

step "an old file (schema v1) is migrated on open (Alembic from the bundle)"
cp "$ROOT/tests/fixtures/schema-v1.sqlite" old.sqlite
app --db old.sqlite list
migrated=$("$PYTHON" -c "import sqlite3; print(sqlite3.connect('old.sqlite').execute('pragma user_version').fetchone()[0])")
[ "$migrated" = "$SCHEMA_VERSION" ] || fail "old.sqlite is at schema $migrated, not $SCHEMA_VERSION"
app --db old.sqlite verify-db

step "bundle contents"
internal="$BUNDLE/_internal"
for file in resources/fonts/DejaVuSans.ttf resources/fonts/LICENSE-DejaVu.txt \
        resources/translations/promises_app_sv.qm PySide6/Qt/translations/qtbase_sv.qm \
        promises_app/storage/migrations/script.py.mako promises_app/storage/migrations/env.py \
        jsonschema_specifications/schemas/draft202012/metaschema.json; do
    [ -f "$internal/$file" ] || fail "$file is not in the bundle"
done
ls "$internal"/pypdfium2_raw/*pdfium* >/dev/null 2>&1 || fail "the pdfium library is not in the bundle"
[ -z "$(find "$internal/PySide6" -name '*.qm' ! -name '*_sv.qm')" ] || fail "Qt translations other than Swedish"
unused_qt=$(find "$internal" -name '*Qt*Network*' -o -name '*Qt*Qml*' -o -name '*Qt*Quick*' -o -name '*Qt*WebEngine*')
[ -z "$unused_qt" ] || fail "unused Qt modules in the bundle: $unused_qt"
if "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    "$PYTHON" -m PyInstaller.utils.cliutils.archive_viewer -r -b "$APP" > archive.txt
    for module in pypdfium2 openpyxl jsonschema pyhanko pyhanko_certvalidator alembic.op reportlab.graphics \
            promises_app.storage.migrations.env; do
        grep -qx " $module" archive.txt || fail "module $module is not in the bundle"
    done
    for module in pytest hypothesis tkinter; do
        ! grep -qx " $module" archive.txt || fail "module $module should not be in the bundle"
    done
    echo "modules: the lazily imported ones are in, test packages and unused Qt modules are out"
fi
echo "size: $(du -sh "$BUNDLE" | cut -f1) in $(find "$BUNDLE" -type f | wc -l) files"

printf '\nfrozen-smoke: OK (%s %s)\n' "$APP" "$VERSION"
