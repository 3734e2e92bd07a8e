"""The workflow the follow-up report replaces: LibreOffice turning a spreadsheet into a PDF.

``find_or_install()`` looks for ``soffice``; when it is missing it installs Debian's
``libreoffice-calc-nogui`` with apt-get (as root, or through sudo when that exists). It
returns the program, or None with the reason, so the table can say "not measured" and why.
``convert(...)`` times one ``soffice --headless --convert-to pdf`` run, LibreOffice's start
included (that is what the person waits for), with a private user profile so a LibreOffice
the person has open does not interfere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

PACKAGE = "libreoffice-calc-nogui"
INSTALL_TIMEOUT_S = 420


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in ("/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def install_command(*, is_root: bool, have_sudo: bool) -> list[list[str]] | None:
    """The apt-get commands that install LibreOffice Calc (None when nobody may install)."""
    prefix: list[str] = [] if is_root else (["sudo", "-n"] if have_sudo else [])
    if not is_root and not have_sudo:
        return None
    return [
        [*prefix, "apt-get", "update", "-q"],
        [*prefix, "apt-get", "install", "-y", "-q", "--no-install-recommends", PACKAGE],
    ]


def find_or_install() -> tuple[str | None, str]:
    """(the soffice program, "") or (None, why it is missing)."""
    found = find_soffice()
    if found:
        return found, ""
    if shutil.which("apt-get") is None:
        return None, "soffice missing and no apt-get to install it"
    commands = install_command(is_root=os.geteuid() == 0, have_sudo=shutil.which("sudo") is not None)
    if commands is None:
        return None, f"soffice missing; install {PACKAGE} as root (not root, no sudo)"
    print(f"Installing {PACKAGE} (LibreOffice, for the comparison) …", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in commands:
        try:
            result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S)
        except (OSError, subprocess.TimeoutExpired) as error:
            return None, f"installing {PACKAGE} failed: {error}"
        if result.returncode != 0:
            last = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["?"]
            return None, f"installing {PACKAGE} failed: {last[0]}"
    found = find_soffice()
    return (found, "") if found else (None, f"{PACKAGE} installed but soffice not found")


def convert(soffice: str, sheet: Path, out_dir: Path, profile: Path) -> float:
    """Seconds for LibreOffice to turn ``sheet`` into ``out_dir/<name>.pdf`` (raises on failure)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / (sheet.stem + ".pdf")
    target.unlink(missing_ok=True)
    command = [
        soffice, f"-env:UserInstallation={profile.absolute().as_uri()}", "--headless", "--norestore",
        "--convert-to", "pdf", "--outdir", str(out_dir), str(sheet),
    ]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - started
    if result.returncode != 0 or not target.exists():
        raise RuntimeError(f"soffice failed ({result.returncode}): {(result.stderr or result.stdout).strip()[:200]}")
    return elapsed
