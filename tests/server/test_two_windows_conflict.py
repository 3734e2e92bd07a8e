"""Issue 17, "Done when": two main windows over two connections to one PostgreSQL database; a
simultaneous edit of the same follow-up gives the conflict dialog, and nothing is lost.

Two coordinators open the same follow-up at the same time, each in their own window. B saves
first; A's save then shows theirs beside A's (ui/common/conflict_dialog.py). A keeps theirs'
light and their count but wants the comment A typed: Behåll mitt saves A's form over B's, as one
undo step that puts B's version back; B's save stays in the change log.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.services import Services
from promises_app.storage.database import open_database
from promises_app.ui.followup.followup_editor import FollowUpEditor
from promises_app.ui.shell.main_window import MainWindow
from tests.pg_server import PgServer
from tests.ui.conftest import DEMO_TODAY, swedish_app  # noqa: F401 - the fixture is used by name

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LEFT = Qt.MouseButton.LeftButton
PERIOD = "2022-T3"


@pytest.fixture
def shared_url(pg_server: PgServer, _pg_templates: dict[str, str]) -> Iterator[str]:
    name = pg_server.new_name("windows")
    url = pg_server.create_database(name, template=_pg_templates["demo"])
    try:
        yield url
    finally:
        pg_server.drop_database(name)


def open_window(qtbot, url: str) -> MainWindow:  # type: ignore[no-untyped-def]
    """A main window on its own connection to the shared database, on its Uppföljning page."""
    window = MainWindow(Services(open_database(url)), today=lambda: DEMO_TODAY)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.followup_page is not None, timeout=10_000)
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(window.followup_tab).center())
    assert window.tabs.currentWidget() is window.followup_page
    return window


@pytest.fixture
def windows(qtbot, shared_url, swedish_app, monkeypatch) -> Iterator[tuple[MainWindow, MainWindow]]:  # type: ignore[no-untyped-def]  # noqa: F811
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args, **_kwargs: pytest.fail("no warning expected"))
    a, b = open_window(qtbot, shared_url), open_window(qtbot, shared_url)
    yield a, b
    for window in (a, b):
        window.report_runner.cancel()
        window.report_runner.wait_for_background_work()
        window.close()
        window.services.db.close()


def open_form(qtbot, window: MainWindow, measure: int) -> FollowUpEditor:  # type: ignore[no-untyped-def]
    page = window.followup_page
    page.select_cell(measure, PERIOD)
    qtbot.mouseClick(page.edit_button, LEFT)
    editors = [w for w in page.findChildren(FollowUpEditor) if w.isVisible()]
    assert len(editors) == 1
    return editors[0]


def test_a_simultaneous_edit_of_one_follow_up_in_two_windows_gives_the_conflict_dialog(qtbot, windows):
    a, b = windows
    assert a.current_agreement_id() == b.current_agreement_id()
    walks = next(g.measure.id for g in a.followup_page.model.grid().measures
                 if "trygghetsvandringar" in g.measure.title)

    # Both open the same follow-up at once and type
    form_a, form_b = open_form(qtbot, a, walks), open_form(qtbot, b, walks)
    form_b.status_combo.setCurrentIndex(form_b.status_combo.findData(FollowUpStatus.DONE.value))
    form_b.light_combo.setCurrentIndex(form_b.light_combo.findData(TrafficLight.GREEN.value))
    form_b.count_edit.setText("4")
    form_b.comment_edit.setPlainText("Alla fyra vandringar gjorda (B).")
    form_a.light_combo.setCurrentIndex(form_a.light_combo.findData(TrafficLight.YELLOW.value))
    form_a.count_edit.setText("3")
    form_a.comment_edit.setPlainText("Tre vandringar; den fjärde i oktober (A).")

    qtbot.mouseClick(form_b.save_button, LEFT)  # B first
    assert not form_b.isVisible()
    assert b.undo_stack.count() == 1

    qtbot.mouseClick(form_a.save_button, LEFT)  # then A: refused, and shown
    dialog = form_a.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    rows = {f.label: (t.text(), y.text()) for f, (t, y) in zip(dialog.conflict.fields, dialog.value_labels,
                                                                 strict=True)}
    assert rows == {
        "Status": ("Genomförd", "Pågående"),
        "Trafikljus": ("Grön", "Gul"),
        "Utfall hittills": ("4", "3"),
        "Kommentar": ("Alla fyra vandringar gjorda (B).", "Tre vandringar; den fjärde i oktober (A)."),
    }
    # Nothing of A's written yet, B's saved as typed
    saved = next(f for f in a.services.follow_ups.list_for_measure(walks) if f.period == PERIOD)
    assert (saved.comment, saved.count_achieved) == ("Alla fyra vandringar gjorda (B).", 4)
    assert form_a.comment_edit.toPlainText() == "Tre vandringar; den fjärde i oktober (A)."

    qtbot.mouseClick(dialog.mine_button, LEFT)  # Behåll mitt
    assert not form_a.isVisible()
    saved = next(f for f in b.services.follow_ups.list_for_measure(walks) if f.period == PERIOD)
    assert (saved.comment, saved.count_achieved, saved.light) == (
        "Tre vandringar; den fjärde i oktober (A).", 3, TrafficLight.YELLOW)
    assert a.undo_stack.count() == 1

    # Nothing lost: B's version is one undo away in A's window, and in the change log
    with b.services.db.read() as session:
        logged = [row[0] for row in session.execute(text(
            "SELECT new FROM change_log WHERE entity = 'follow_ups' AND entity_id = :id ORDER BY id"),
            {"id": saved.id})]
    assert any("Alla fyra vandringar gjorda (B)." in (new or "") for new in logged)
    a.undo_stack.undo()
    back = next(f for f in b.services.follow_ups.list_for_measure(walks) if f.period == PERIOD)
    assert (back.comment, back.count_achieved) == ("Alla fyra vandringar gjorda (B).", 4)
