"""The rotating log in the data folder: where it is, what lands in it, how it rotates."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from promises_app import logging_setup


@pytest.fixture(autouse=True)
def _no_handler_left() -> Iterator[None]:
    yield
    logging_setup.shutdown()


def test_a_log_line_lands_in_the_file_in_the_data_folder(tmp_path: Path) -> None:
    handler = logging_setup.configure(tmp_path / "data")
    assert handler is not None
    logging.getLogger("promises_app.ui.shell.main_window").info("Bytte databas till %s", "b.sqlite")
    logging.getLogger("sqlalchemy.engine").info("an INFO line of another library")  # not the program's: left out
    logging.getLogger("sqlalchemy.engine").warning("a warning of another library")
    handler.flush()

    path = tmp_path / "data" / "logs" / "medborgarloften.log"
    assert logging_setup.current_log_file() == path
    text = path.read_text(encoding="utf-8")
    assert "INFO promises_app.ui.shell.main_window" in text and "Bytte databas till b.sqlite" in text
    assert "another library" in text and "an INFO line" not in text


def test_the_log_rotates_at_one_megabyte_keeping_five_files(tmp_path: Path) -> None:
    handler = logging_setup.configure(tmp_path)
    assert isinstance(handler, RotatingFileHandler)
    assert handler.maxBytes == 1024 * 1024
    assert handler.backupCount == 5

    line = "x" * 1000
    log = logging.getLogger("promises_app.test")
    for _ in range(8 * 1100):  # about 8.8 MB: more than the six files can hold
        log.info(line)
    handler.flush()
    folder = tmp_path / "logs"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["medborgarloften.log", *(f"medborgarloften.log.{n}" for n in range(1, 6))]
    assert all(p.stat().st_size <= 1024 * 1024 for p in folder.iterdir())


def test_configuring_again_replaces_the_handler_and_shutdown_removes_it(tmp_path: Path) -> None:
    first = logging_setup.configure(tmp_path / "one")
    second = logging_setup.configure(tmp_path / "two")
    root = logging.getLogger()
    assert first not in root.handlers and second in root.handlers
    logging.getLogger("promises_app").warning("only in two")
    assert second is not None
    second.flush()
    assert "only in two" in (tmp_path / "two" / "logs" / "medborgarloften.log").read_text(encoding="utf-8")
    assert "only in two" not in (tmp_path / "one" / "logs" / "medborgarloften.log").read_text(encoding="utf-8")
    logging_setup.shutdown()
    assert second not in root.handlers
    assert logging_setup.current_log_file() is None


def test_a_folder_that_cannot_be_written_leaves_the_program_running(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    assert logging_setup.configure(blocker) is None
    assert "kan inte skrivas" in capsys.readouterr().err
