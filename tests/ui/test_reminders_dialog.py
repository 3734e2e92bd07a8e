"""Uppföljning → Påminnelser… driven like a person would: the menu, the choices, the table, writing.

Only the folder dialog, the question box and the call that opens a folder are replaced (they block
or leave the test); the files written are read back with the ``email`` package and ``icalendar``.
"""

from __future__ import annotations

import email
import email.policy

import icalendar
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from promises_app.ui.followup.reminders_dialog import RemindersDialog
from promises_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import DEMO_TODAY

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot, demo_ui_services, swedish_app, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "warning", lambda *_args, **_kwargs: pytest.fail("no warning expected"))
    shown = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    assert shown.title_label.text() == "Solna – medborgarlöften 2022"
    return shown


def _menu_action(window: MainWindow, menu_title: str, text: str) -> QAction:
    for top in window.menuBar().actions():
        menu = top.menu()
        if top.text().replace("&", "") == menu_title and menu is not None:
            menu.aboutToShow.emit()  # as when the person opens the menu: the page is loaded
            for action in menu.actions():
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"{menu_title} → {text} not found")


def _rows(dialog: RemindersDialog) -> list[list[str]]:
    model = dialog.model
    return [[str(model.index(row, column).data() or "") for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def _open(qtbot, window: MainWindow) -> RemindersDialog:  # type: ignore[no-untyped-def]
    action = _menu_action(window, "Uppföljning", "Påminnelser…")
    assert action.isEnabled()
    action.trigger()
    dialog = window.followup_page.reminders_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_the_dialog_shows_who_gets_what_and_writes_the_files(qtbot, window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, window)
    assert dialog.windowTitle() == "Påminnelser"
    # The latest period ended by today (T2, May–August) is chosen; the report is wanted a week after.
    assert dialog.period_label() == "2022-T2"
    assert dialog.reply_edit.text() == "2022-09-08"
    assert _rows(dialog) == [["Sara Exempeldotter", "sara.exempeldotter@solna.example", "", "", "1"]]
    headers = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Kontaktperson", "E-post", "Uppföljning saknas", "Sista dag snart", "Försenade"]

    # T3: everyone still to report; the report day follows the period.
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("2022-T3"))
    assert dialog.reply_edit.text() == "2023-01-07"
    rows = _rows(dialog)
    assert [row[0] for row in rows] == ["Erik Exempelsson", "Jonas Exempelsson", "Lina Exempeldotter",
                                        "Maria Exempeldotter", "Sara Exempeldotter"]
    assert rows[-1] == ["Sara Exempeldotter", "sara.exempeldotter@solna.example", "1", "", "1"]
    assert "5 påminnelser och en kalenderfil; rapporten önskas senast 7 januari 2023." == dialog.summary_label.text()
    assert not dialog.without_label.isVisibleTo(dialog)

    # More days ahead: the deadlines at the end of the year are "soon".
    dialog.days_spin.setValue(200)
    assert any(row[3] for row in _rows(dialog))

    # A report day typed by the person stays when the period changes back and forth.
    line = dialog.reply_edit.line_edit
    line.selectAll()
    qtbot.keyClicks(line, "20 december 2022")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dialog.plan is not None and str(dialog.plan.reply_by) == "2022-12-20"
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("2022-T2"))
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findData("2022-T3"))
    assert dialog.reply_edit.text() == "20 december 2022"
    dialog.grab().save(str(tmp_path / "påminnelser.png"))

    folder = tmp_path / "ut"
    folder.mkdir()
    asked: list[str] = []
    opened: list[QUrl] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args, **_kwargs: str(folder))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, _title, text, *_args: asked.append(text) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(dialog.write_button, LEFT)

    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 6 and names[-1] == "Rapportdatum och sista dagar 2022-T3.ics"
    assert asked == [f"6 filer skrevs till {folder}. Ingenting har skickats. Öppna mappen?"]
    assert [url.toLocalFile() for url in opened] == [str(folder)]
    erik = email.message_from_bytes((folder / "Påminnelse 2022-T3 Erik Exempelsson.eml").read_bytes(),
                                    policy=email.policy.default)
    assert erik["To"] == "Erik Exempelsson <erik.exempelsson@polisen.example>" and erik["X-Unsent"] == "1"
    body = erik.get_body(preferencelist=("plain",))
    assert body is not None and "Skicka din rapport senast 20 december 2022." in body.get_content()
    calendar = icalendar.Calendar.from_ical((folder / names[-1]).read_bytes())
    assert any(e.decoded("DTSTART").isoformat() == "2022-12-20" for e in calendar.walk("VEVENT"))
    assert dialog.isVisible(), "the dialog stays open for another period"


def test_a_refused_choice_is_shown_and_nothing_can_be_written(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *_args, **_kwargs: pytest.fail("no folder asked for a refused choice"))
    line = dialog.reply_edit.line_edit
    line.selectAll()
    qtbot.keyClicks(line, "2022-08-01")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dialog.banner.isVisibleTo(dialog)
    assert "1 augusti 2022 har redan passerat" in dialog.banner.text()
    assert dialog.model.rowCount() == 0 and not dialog.write_button.isEnabled()
    line.selectAll()
    qtbot.keyClicks(line, "inget datum")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert dialog.banner.isVisibleTo(dialog) and not dialog.write_button.isEnabled()
    line.selectAll()
    qtbot.keyClicks(line, "2022-09-30")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert not dialog.banner.isVisibleTo(dialog) and dialog.write_button.isEnabled()
    assert dialog.model.rowCount() == 1


def test_people_without_an_address_and_measures_without_a_contact_person_are_shown(  # type: ignore[no-untyped-def]
    qtbot, demo_ui_services, swedish_app, tmp_path
) -> None:
    services = demo_ui_services
    town = services.register.create_organisation(name="Exempelstads kommun", kind="municipality")
    agreement = services.agreements.create_agreement(
        kind="citizen_promise", title="Exempelstad – medborgarlöften 2022", start_date="2022-01-01",
        end_date="2022-12-31", reporting_scheme="tertial")
    services.agreements.add_party(agreement.id, organisation_id=town.id)
    promise = services.plan.create_promise(agreement.id, text="öka tryggheten", maker_ids=[town.id])
    ulla = services.register.create_person(name="Ulla Utanpost", organisation_id=town.id)
    bo = services.register.create_person(name="Bo Komma", email="bo@x.example,evil@example.com")
    for title, contact in (("Belysning i parken", ulla.id), ("Klottersanering", bo.id), ("Ingen har den", None),
                           ("Inte heller den", None)):
        services.plan.create_measure(promise_id=promise.id, title=title, responsible_id=town.id,
                                     contact_id=contact, deadline="2022-08-20")
    dialog = RemindersDialog(services, agreement.id, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _rows(dialog) == [
        ["Bo Komma", "Saknas: fyll i mottagaren själv", "1", "", "1"],
        ["Ulla Utanpost", "Saknas: fyll i mottagaren själv", "1", "", "1"],
    ]
    assert dialog.model.item(0, 1).toolTip() == "Registrets adress går inte att använda: bo@x.example,evil@example.com"
    assert dialog.model.item(0, 1).foreground().color().name() == "#b71c1c"
    assert dialog.summary_label.text() == ("2 påminnelser och en kalenderfil; rapporten önskas senast 8 september "
                                           "2022. 2 av dem saknar e-postadress.")
    assert dialog.without_label.isVisibleTo(dialog)
    assert dialog.without_label.text() == (
        "Utan kontaktperson (ingen påminnelse skrivs för dessa 2):\n"
        "• Ingen har den (Exempelstads kommun)\n• Inte heller den (Exempelstads kommun)")
    dialog.grab().save(str(tmp_path / "påminnelser-saknas.png"))
