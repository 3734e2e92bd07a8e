"""Running the command line in-process, for the CLI tests of every package."""

from __future__ import annotations

from pathlib import Path

import pytest

from promises_app.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of ``promises-app ARGV``."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A database file filled by `promises-app demo`."""
    path = tmp_path / "X.db"
    code, out, _ = run_cli(capsys, "--db", str(path), "demo")
    assert code == 0 and "3 överenskommelser" in out
    return path
