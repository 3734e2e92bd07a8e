"""The window's first start makes owner-only files (issue 12, point 8).

The attack: with the usual umask 022, the window's first start made the data folder 0755,
``logs/`` 0755, and ``settings.ini`` and the log 0644, so anyone on the computer could read
which databases were opened and the log (the command line already made 0700/0600). Now the
data folder and ``logs/`` are 0700 and ``settings.ini`` and every log file (rotated ones too)
0600, checked with ``stat`` after a real start: in this process, and ``promises-app --smoke``
in a new one; files an older version left readable are tightened.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from promises_app import logging_setup
from promises_app.services import default_database_path
from promises_app.ui.shell.app import run_desktop

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")

ROOT = Path(__file__).resolve().parents[2]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _assert_private(folder: Path) -> None:
    assert _mode(folder) == 0o700, folder
    assert _mode(folder / "logs") == 0o700
    assert _mode(folder / "settings.ini") == 0o600
    logs = sorted((folder / "logs").iterdir())
    assert logs and all(_mode(log) == 0o600 for log in logs), [(log.name, oct(_mode(log))) for log in logs]
    assert _mode(folder / "medborgarloften.sqlite") == 0o600


def test_the_first_start_in_this_process(swedish_app, umask_022, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = default_database_path().parent
    assert not folder.exists()  # the very first start: nothing there yet
    assert run_desktop(default_database_path(), first_run_demo=True, smoke=True) == 0
    assert "Fönstret visar 3 överenskommelser" in capsys.readouterr().out
    _assert_private(folder)

    # The log rotates into new files: those are owner-only too.
    handler = logging_setup.configure(folder)
    assert handler is not None
    try:
        handler.doRollover()
        handler.doRollover()
    finally:
        logging_setup.shutdown()
    names = sorted(p.name for p in (folder / "logs").iterdir())
    assert names == ["medborgarloften.log", "medborgarloften.log.1", "medborgarloften.log.2"]
    _assert_private(folder)


def test_files_an_older_version_left_readable_are_tightened(swedish_app, umask_022) -> None:  # type: ignore[no-untyped-def]
    folder = default_database_path().parent
    (folder / "logs").mkdir(parents=True, mode=0o755)
    os.chmod(folder, 0o700)
    os.chmod(folder / "logs", 0o755)
    for old in [folder / "settings.ini", folder / "logs" / "medborgarloften.log",
                folder / "logs" / "medborgarloften.log.1"]:
        old.write_text("", encoding="utf-8")
        os.chmod(old, 0o644)
    assert run_desktop(default_database_path(), first_run_demo=True, smoke=True) == 0
    _assert_private(folder)


def test_the_first_start_of_the_program_in_a_new_process(tmp_path: Path) -> None:
    folder = tmp_path / "ny användare" / "Medborgarloften"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MEDBORGARLOFTEN_DATA_DIR=str(folder))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-m", "promises_app", "--smoke"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        preexec_fn=lambda: os.umask(0o022),  # the umask a desktop session has
    )
    assert result.returncode == 0, result.stderr
    _assert_private(folder)
