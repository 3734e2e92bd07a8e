"""A party's logo from the window: chosen in the register, shown beside it, printed, undone and redone."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from promises_app.services import open_services
from promises_app.ui.parties.register_dialog import RegisterDialog
from promises_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import DEMO_TODAY


@pytest.fixture
def window(qtbot, tmp_path: Path, swedish_app):  # type: ignore[no-untyped-def]
    services = open_services(tmp_path / "db.sqlite", exclusive=True)
    services.maintenance.load_demo()
    window = MainWindow(services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(window)
    window.show()
    return window


def picture(path: Path, colour: str = "#1b2f6b") -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 100), colour).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def select(register: RegisterDialog, name: str) -> int:
    for row in range(register.proxy.rowCount()):
        index = register.proxy.index(row, 0)
        if index.data() == name:
            register.view.setCurrentIndex(index)
            return register.model.record_at(register.proxy.mapToSource(index).row()).id
    raise AssertionError(name)


def test_a_logo_is_chosen_shown_undone_and_redone(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register = window.open_register()
    assert not register.logo_button.isEnabled() or register.view.currentIndex().isValid()
    solna = select(register, "Solna stad")
    assert register.logo_button.isEnabled() and not register.remove_logo_button.isEnabled()

    assert register.choose_logo(picture(tmp_path / "solna.jpg"))
    stored = window.services.logos.get_logo(solna)
    assert stored is not None and stored.startswith(b"\x89PNG")  # re-encoded, never the file's own bytes
    assert not register.logo_label.pixmap().isNull()
    assert register.remove_logo_button.isEnabled()
    assert window.undo_action.text() == "&Ångra logotyp för Solna stad"

    window.undo_stack.undo()
    assert window.services.logos.get_logo(solna) is None
    assert register.logo_label.pixmap().isNull()
    window.undo_stack.redo()
    assert window.services.logos.get_logo(solna) == stored

    qtbot.mouseClick(register.remove_logo_button, Qt.MouseButton.LeftButton)
    assert window.services.logos.get_logo(solna) is None
    window.undo_stack.undo()
    assert window.services.logos.get_logo(solna) == stored


def test_a_file_that_is_not_a_picture_is_refused_and_nothing_changes(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    register = window.open_register()
    solna = select(register, "Solna stad")
    register.choose_logo(picture(tmp_path / "first.jpg"))
    before = window.services.logos.get_logo(solna)
    index_before = window.undo_stack.index()

    text = tmp_path / "logo.png"
    text.write_text("<svg onload=alert(1)>", encoding="utf-8")
    assert not register.choose_logo(text)
    assert warnings and "Logotyp" in warnings[0]
    assert window.services.logos.get_logo(solna) == before
    assert window.undo_stack.index() == index_before
