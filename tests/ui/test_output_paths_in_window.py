"""Every save dialog of the window refuses the open database and what belongs to it (issue 12, point 1).

The system's save dialog is replaced by a list of answers (the person's choices, then Cancel),
and the warning box by a list of what it said; everything else is the real window on a real
database file. A refused choice is explained naming the file, nothing is written, the database
file is byte for byte the same (and the same file), and the dialog opens again so the person
can choose another name.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from promises_app.storage.backups import backup_dir
from promises_app.storage.lock import lock_path
from promises_app.storage.output_guard import shown_path
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.versions.revision_table_model import RevisionTableModel
from tests.ui.conftest import DEMO_TODAY

SOLNA_PROMISE = "Solna – medborgarlöften 2022"
LEFT = Qt.MouseButton.LeftButton
REFUSED = "välj ett annat filnamn. Ingenting har skrivits."


@pytest.fixture
def window(qtbot, demo_ui_services, swedish_app):  # type: ignore[no-untyped-def]
    shown = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.title_label.text() == SOLNA_PROMISE
    yield shown
    shown.report_runner.cancel()
    shown.report_runner.wait_for_background_work()
    shown.versions_page.wait_for_background_work()


@pytest.fixture
def warnings(monkeypatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a, **_k: shown.append(text))
    return shown


def _answers(monkeypatch, *chosen: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """The save dialog answers ``chosen`` one by one, then Cancel; returns the names it proposed."""
    remaining = list(chosen)
    proposed: list[str] = []

    def save_file(_parent, _caption, suggestion, file_filter, *_a, **_k):  # type: ignore[no-untyped-def]
        proposed.append(suggestion)
        return (str(remaining.pop(0)) if remaining else ""), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file)
    return proposed


class _Untouched:
    """The database file's bytes and identity, to compare with afterwards."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.digest = hashlib.sha256(path.read_bytes()).hexdigest()
        self.inode = path.stat().st_ino

    def check(self) -> None:
        assert hashlib.sha256(self.path.read_bytes()).hexdigest() == self.digest, "the database was overwritten"
        assert self.path.stat().st_ino == self.inode, "the database file was replaced"
        assert not [p.name for p in self.path.parent.iterdir() if p.name.endswith(".tmp")]


def _database(window: MainWindow) -> Path:
    path = window.services.db.path
    assert path is not None and path.exists()
    return path


# --- the JSON export ------------------------------------------------------------------------------
def test_json_export_onto_the_database_is_refused_and_asked_again(qtbot, window, monkeypatch, warnings):  # type: ignore[no-untyped-def]
    database = _database(window)
    untouched = _Untouched(database)
    proposed = _answers(monkeypatch, database)
    assert window.exchange.export_json() is None

    assert len(proposed) == 2, "the dialog opened again after the refusal"
    assert Path(proposed[1]).parent == database.parent, "again in the folder the person was in"
    assert warnings == [f"{shown_path(database)} är den öppna databasen; {REFUSED}"]
    untouched.check()
    assert not database.with_name(database.name + ".json").exists()
    assert window.services.maintenance.check().ok


def test_after_a_refusal_another_name_is_written(qtbot, window, tmp_path, monkeypatch, warnings):  # type: ignore[no-untyped-def]
    database = _database(window)
    untouched = _Untouched(database)
    good = tmp_path / "solna.json"
    _answers(monkeypatch, lock_path(database), good)
    assert window.exchange.export_json() == good

    assert len(warnings) == 1 and "låsfilen" in warnings[0] and lock_path(database).name in warnings[0]
    assert good.read_text(encoding="utf-8") == window.services.exchange.export_json(window.current_agreement_id())
    untouched.check()


@pytest.mark.parametrize("kind", ["symlink", "hard-link", "wal", "backup", "other-database"])
def test_json_export_onto_what_belongs_to_the_database_is_refused(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path, monkeypatch, warnings, kind
):
    database = _database(window)
    untouched = _Untouched(database)
    if kind == "symlink":
        chosen = tmp_path / "export.json"
        chosen.symlink_to(database)
        words = "samma fil som den öppna databasen"
    elif kind == "hard-link":
        chosen = tmp_path / "export.json"
        os.link(database, chosen)
        words = "samma fil som den öppna databasen"
    elif kind == "wal":
        chosen = database.with_name(database.name + "-wal")
        words = "SQLite"
    elif kind == "backup":
        window.database_files.backup_now()
        (chosen,) = list(backup_dir(database).iterdir())
        untouched = _Untouched(database)  # after the backup (a checkpoint may have run)
        words = "säkerhetskopior"
    else:
        chosen = tmp_path / "annan" / "kopia.json"
        chosen.parent.mkdir()
        chosen.write_bytes(database.read_bytes())
        words = "Medborgarlöften-databas"
    before = chosen.read_bytes() if chosen.exists() else None
    _answers(monkeypatch, chosen)
    assert window.exchange.export_json() is None

    assert len(warnings) == 1 and words in warnings[0] and chosen.name in warnings[0] and REFUSED in warnings[0]
    assert (chosen.read_bytes() if chosen.exists() else None) == before
    untouched.check()


# --- the measures as CSV and XLSX ------------------------------------------------------------------
@pytest.mark.parametrize("xlsx", [False, True], ids=["csv", "xlsx"])
def test_measure_export_onto_the_database_is_refused(qtbot, window, tmp_path, monkeypatch, warnings, xlsx):  # type: ignore[no-untyped-def]
    database = _database(window)
    untouched = _Untouched(database)
    link = tmp_path / ("åtgärder.xlsx" if xlsx else "åtgärder.csv")
    link.symlink_to(database)  # the name a spreadsheet would have, the file the database is
    proposed = _answers(monkeypatch, database, link)
    (window.export_xlsx_action if xlsx else window.export_csv_action).trigger()

    assert len(proposed) == 3 and len(warnings) == 2
    assert "den öppna databasen" in warnings[0] and "samma fil som den öppna databasen" in warnings[1]
    assert link.is_symlink()
    untouched.check()
    assert window.services.maintenance.check().ok


# --- PDFs: the report preview, the signed revision's preview, the hand-signed copy ----------------
def test_report_pdf_save_onto_the_database_is_refused(qtbot, window, tmp_path, monkeypatch, warnings):  # type: ignore[no-untyped-def]
    database = _database(window)
    untouched = _Untouched(database)
    dialog = window.open_report_dialog()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.create_button, LEFT)
    qtbot.waitUntil(lambda: dialog.preview_dialog is not None, timeout=30_000)
    preview = dialog.preview_dialog

    good = tmp_path / "rapport.pdf"
    proposed = _answers(monkeypatch, database, good)
    qtbot.mouseClick(preview.save_button, LEFT)

    assert len(proposed) == 2 and len(warnings) == 1
    assert warnings[0] == f"{shown_path(database)} är den öppna databasen; {REFUSED}"
    assert preview.saved_path == good and good.read_bytes().startswith(b"%PDF")
    untouched.check()


def test_signed_revision_pdf_save_onto_the_lock_is_refused(qtbot, window, monkeypatch, warnings):  # type: ignore[no-untyped-def]
    database = _database(window)
    lock = lock_path(database)
    assert lock.exists(), "the window holds the database"
    lock_before = lock.read_bytes()
    untouched = _Untouched(database)
    page = window.versions_page
    tab_bar = window.tabs.tabBar()
    qtbot.mouseClick(tab_bar, LEFT, pos=tab_bar.tabRect(window.versions_tab).center())
    index = page.revision_model.index(page.revision_model.row_of(1), RevisionTableModel.PLACE)
    qtbot.mouseClick(page.revision_view.viewport(), LEFT, pos=page.revision_view.visualRect(index).center())
    qtbot.mouseClick(page.preview_button, LEFT)
    qtbot.waitUntil(lambda: page.preview_dialog is not None, timeout=30_000)

    _answers(monkeypatch, lock)
    assert page.preview_dialog.save_as() is None

    assert len(warnings) == 1 and "låsfilen" in warnings[0]
    assert lock.read_bytes() == lock_before
    untouched.check()


def test_hand_signed_copy_save_onto_the_database_is_refused(qtbot, window, tmp_path, monkeypatch, warnings):  # type: ignore[no-untyped-def]
    from reportlab.pdfgen import canvas

    scan = tmp_path / "inskannad.pdf"
    drawing = canvas.Canvas(str(scan))
    drawing.drawString(72, 720, "Undertecknad")
    drawing.save()
    agreement_id = window.current_agreement_id()
    window.services.signoff.attach_signed_copy(agreement_id, 1, file_name=scan.name, data=scan.read_bytes())
    window.versions_page.refresh()
    page = window.versions_page
    page.select_revision(1)
    database = _database(window)
    untouched = _Untouched(database)

    _answers(monkeypatch, database)
    assert page.save_copy() is None

    assert warnings == [f"{shown_path(database)} är den öppna databasen; {REFUSED}"]
    untouched.check()


# --- a new database is not made inside the open one's backups ---------------------------------------
def test_new_database_in_the_backup_folder_is_refused(qtbot, window, monkeypatch, warnings):  # type: ignore[no-untyped-def]
    database = _database(window)
    window.database_files.backup_now()
    chosen = backup_dir(database) / "ny"
    _answers(monkeypatch, chosen)
    assert window.database_files.new_database() is False

    assert len(warnings) == 1 and "säkerhetskopior" in warnings[0]
    assert not chosen.with_name("ny.sqlite").exists()
    assert window.services.db.path == database
