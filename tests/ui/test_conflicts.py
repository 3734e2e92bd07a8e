"""Two people, one shared database: a save or an undo that finds the row changed by the other shows
the conflict dialog (ui/common/conflict_dialog.py), theirs beside yours, and each of Ta deras,
Behåll mitt and Avbryt does what it says; nothing anybody typed is lost.

The two people are two connections to one throwaway PostgreSQL database (tests/pg_server.py):
the window's ``Services`` (person A, driven with real keys and clicks) and a second ``Services``
(person B, who saves through the services as their own window would).
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.services import Services
from promises_app.services.records import FollowUpRecord
from promises_app.storage.database import open_database
from promises_app.ui.common.conflict_dialog import Choice, ConflictDialog
from promises_app.ui.common.operations import Operations
from promises_app.ui.followup.followup_page import FollowUpPage
from tests.pg_server import SUPERUSER, PgServer
from tests.ui.conftest import DEMO_TODAY
from tests.ui.test_followup_page import open_editor
from tests.ui.test_followup_typing import click, press, type_keys
from tests.ui.test_situation_models import solna, swedish  # noqa: F401 - the fixture is used by name

PERIOD = "2022-T3"  # the period running on DEMO_TODAY: the one typed into
#: Who the change log names: the computer's account, or on a server the database account (issue 17, point 5).
LOGGED_AS = (getpass.getuser(), SUPERUSER)
SCREENSHOTS = os.environ.get("CONFLICT_SCREENSHOTS", "")


@pytest.fixture
def shared_url(pg_server: PgServer, _pg_templates: dict[str, str]) -> Iterator[str]:
    """A database of the test's own on the throwaway server, holding the demo agreements."""
    name = pg_server.new_name("conflict")
    url = pg_server.create_database(name, template=_pg_templates["demo"])
    try:
        yield url
    finally:
        pg_server.drop_database(name)


@pytest.fixture
def mine(shared_url: str) -> Iterator[Services]:
    """Person A's connection: the window's."""
    database = open_database(shared_url)
    yield Services(database)
    database.close()


@pytest.fixture
def theirs(shared_url: str) -> Iterator[Services]:
    """Person B's connection to the same database."""
    database = open_database(shared_url)
    yield Services(database)
    database.close()


@pytest.fixture
def stack(mine: Services) -> Operations:
    ops = Operations()
    ops.watch(mine)
    return ops


@pytest.fixture
def page(qtbot, mine, stack, swedish):  # type: ignore[no-untyped-def]  # noqa: F811
    shown = FollowUpPage(mine, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.resize(1280, 620)
    shown.set_agreement(solna(mine))
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitActive(shown)
    return shown


def walks_of(page: FollowUpPage) -> int:
    return next(g.measure.id for g in page.model.grid().measures if "trygghetsvandringar" in g.measure.title)


def follow_up(services: Services, measure: int, period: str = PERIOD) -> FollowUpRecord | None:
    return next((f for f in services.follow_ups.list_for_measure(measure) if f.period == period), None)


def they_save(services: Services, measure: int, *, comment: str, status: FollowUpStatus = FollowUpStatus.DONE,
              light: TrafficLight = TrafficLight.GREEN) -> FollowUpRecord:
    """Person B saves the follow-up, replacing whatever is there now."""
    now = follow_up(services, measure)
    return services.follow_ups.record(measure, period=PERIOD, status=status, light=light, count_achieved=2,
                                      comment=comment, expected_version=now.version if now else 0)


def shown_rows(dialog: ConflictDialog) -> dict[str, tuple[str, str]]:
    """What the dialog shows: each field's caption → (theirs, yours)."""
    return {field.label: (theirs.text(), yours.text())
            for field, (theirs, yours) in zip(dialog.conflict.fields, dialog.value_labels, strict=True)}


def button_of(dialog: ConflictDialog, choice: Choice):  # type: ignore[no-untyped-def]
    return {Choice.THEIRS: dialog.theirs_button, Choice.MINE: dialog.mine_button,
            Choice.CANCEL: dialog.cancel_button}[choice]


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if SCREENSHOTS:
        widget.grab().save(str(Path(SCREENSHOTS) / name))


class Answer:
    """Clicks ``choice`` in the conflict dialog an undo waits on (it runs its own event loop)."""

    def __init__(self, qtbot, choice: Choice) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.choice = choice
        self.seen: list[ConflictDialog] = []
        self.rows: dict[str, tuple[str, str]] = {}
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def _look(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ConflictDialog) and widget.isVisible() and widget.choice is None:
                self.timer.stop()
                self.seen.append(widget)
                self.rows = shown_rows(widget)
                shot(widget, "conflict-undo.png")
                self.qtbot.mouseClick(button_of(widget, self.choice), Qt.MouseButton.LeftButton)
                return

    def __enter__(self) -> Answer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()


# --- a follow-up typed into the grid ----------------------------------------------------------------------
def type_comment(qtbot, page: FollowUpPage, measure: int, text: str) -> ConflictDialog:  # type: ignore[no-untyped-def]
    """Person A types a comment into the grid and presses Enter: the other saved first, so the dialog opens."""
    click(qtbot, page, measure, "comment")
    press(qtbot, Qt.Key.Key_F2)
    type_keys(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.conflict_dialog is not None and page.conflict_dialog.isVisible(), timeout=2000)
    dialog = page.conflict_dialog
    assert dialog is not None
    return dialog


def test_a_comment_typed_in_the_grid_that_the_other_saved_meanwhile_shows_theirs_and_yours(
        qtbot, page, mine, theirs, stack):
    walks = walks_of(page)
    assert follow_up(mine, walks) is None  # what the grid shows: none yet
    they_save(theirs, walks, comment="Två vandringar klara.")

    dialog = type_comment(qtbot, page, walks, "Vandringen i Hagalund flyttad.")
    rows = shown_rows(dialog)
    # Yours is theirs with the one field typed: only the comment differs
    assert rows["Kommentar"] == ("Två vandringar klara.", "Vandringen i Hagalund flyttad.")
    assert rows["Status"] == ("Genomförd", "Genomförd")
    assert rows["Trafikljus"] == ("Grön", "Grön")
    assert rows["Utfall hittills"] == ("2", "2")
    assert [f.label for f in dialog.conflict.fields if f.differs] == ["Kommentar"]
    assert any(name in dialog.who_label.text() for name in LOGGED_AS), "who saved theirs, from the change log"
    assert "2022-T3" in dialog.conflict.what
    shot(dialog, "conflict-grid.png")
    # The grid already shows theirs behind the dialog
    assert page.model.follow_up(walks, PERIOD).comment == "Två vandringar klara."

    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)  # Behåll mitt
    saved = follow_up(theirs, walks)
    assert saved is not None and saved.comment == "Vandringen i Hagalund flyttad."
    assert (saved.status, saved.light, saved.count_achieved) == (FollowUpStatus.DONE, TrafficLight.GREEN, 2)
    assert stack.count() == 1, "one undo step"
    qtbot.waitUntil(lambda: page.model.follow_up(walks, PERIOD).comment == "Vandringen i Hagalund flyttad.",
                    timeout=2000)

    stack.undo()  # puts theirs back, not the empty cell A started from
    back = follow_up(theirs, walks)
    assert back is not None and back.comment == "Två vandringar klara."


def test_take_theirs_in_the_grid_saves_nothing_and_shows_theirs(qtbot, page, mine, theirs, stack):
    walks = walks_of(page)
    they_save(theirs, walks, comment="B:s kommentar")
    dialog = type_comment(qtbot, page, walks, "A:s kommentar")
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)  # Ta deras
    saved = follow_up(theirs, walks)
    assert saved is not None and saved.comment == "B:s kommentar" and saved.version == 1
    assert stack.count() == 0, "nothing saved, nothing to undo"
    assert page.model.follow_up(walks, PERIOD).comment == "B:s kommentar"


def test_cancel_in_the_grid_saves_nothing_and_opens_the_cell_again_with_what_was_typed(
        qtbot, page, mine, theirs, stack):
    walks = walks_of(page)
    they_save(theirs, walks, comment="B:s kommentar")
    dialog = type_comment(qtbot, page, walks, "A:s kommentar")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # Avbryt
    assert follow_up(theirs, walks).comment == "B:s kommentar" and stack.count() == 0
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit) and editor.toPlainText() == "A:s kommentar", \
        "what was typed is in the cell again"
    press(qtbot, Qt.Key.Key_Return)  # saved now, over theirs as the grid shows it
    assert follow_up(theirs, walks).comment == "A:s kommentar"
    assert follow_up(theirs, walks).status is FollowUpStatus.DONE, "their status kept"
    assert stack.count() == 1


# --- the follow-up form ---------------------------------------------------------------------------------
def test_the_follow_up_form_cancel_keeps_what_was_typed_then_keep_mine_saves_it_as_one_step(
        qtbot, page, mine, theirs, stack):
    walks = walks_of(page)
    click(qtbot, page, walks, "status")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    editor = open_editor(page)
    they_save(theirs, walks, comment="B:s kommentar")  # while A's form is open

    editor.light_combo.setCurrentIndex(editor.light_combo.findData(TrafficLight.YELLOW.value))
    editor.comment_edit.setPlainText("A:s kommentar")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    dialog = editor.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    rows = shown_rows(dialog)
    assert rows["Kommentar"] == ("B:s kommentar", "A:s kommentar")
    assert rows["Trafikljus"] == ("Grön", "Gul")
    assert rows["Status"] == ("Genomförd", "Pågående")
    shot(dialog, "conflict-follow-up-form.png")

    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)  # Avbryt
    assert editor.isVisible() and editor.comment_edit.toPlainText() == "A:s kommentar"
    assert editor.light_combo.currentData() == TrafficLight.YELLOW.value
    assert follow_up(theirs, walks).comment == "B:s kommentar"
    assert editor.banner.isVisible() and "Ingenting sparades" in editor.banner.text()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # asks again
    dialog = editor.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)  # Behåll mitt
    assert not editor.isVisible()
    saved = follow_up(theirs, walks)
    assert (saved.comment, saved.light, saved.status) == ("A:s kommentar", TrafficLight.YELLOW,
                                                          FollowUpStatus.IN_PROGRESS)
    assert stack.count() == 1
    stack.undo()
    back = follow_up(theirs, walks)
    assert (back.comment, back.light) == ("B:s kommentar", TrafficLight.GREEN), "undo puts theirs back"


def test_the_follow_up_form_take_theirs_loads_them_and_saves_nothing(qtbot, page, mine, theirs, stack):
    walks = walks_of(page)
    click(qtbot, page, walks, "status")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    editor = open_editor(page)
    they_save(theirs, walks, comment="B:s kommentar")
    editor.comment_edit.setPlainText("A:s kommentar")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    dialog = editor.conflict_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)  # Ta deras
    assert editor.isVisible()
    assert editor.comment_edit.toPlainText() == "B:s kommentar"
    assert editor.status_combo.currentData() == FollowUpStatus.DONE.value
    assert follow_up(theirs, walks).version == 1 and stack.count() == 0
    assert not editor.unsaved.holds_changes(), "theirs is what the form holds now: nothing unsaved"
    # A goes on from theirs: a save is an ordinary save now, no dialog
    editor.comment_edit.setPlainText("B:s kommentar. A lägger till en rad.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.conflict_dialog is None and not editor.isVisible()
    assert follow_up(theirs, walks).comment == "B:s kommentar. A lägger till en rad."


# --- undo of a follow-up the other changed since ----------------------------------------------------------
def record_in_grid(qtbot, page: FollowUpPage, measure: int, text: str) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, page, measure, "comment")
    press(qtbot, Qt.Key.Key_F2)
    type_keys(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)


def test_undo_of_a_follow_up_the_other_changed_since_asks_cancel_keeps_the_step(qtbot, page, mine, theirs, stack):
    walks = walks_of(page)
    record_in_grid(qtbot, page, walks, "A:s kommentar")
    assert stack.count() == 1 and follow_up(theirs, walks).comment == "A:s kommentar"
    they_save(theirs, walks, comment="B:s rättelse")

    with Answer(qtbot, Choice.CANCEL) as answer:
        stack.undo()
    assert len(answer.seen) == 1
    assert answer.rows["Kommentar"] == ("B:s rättelse", "(borttagen)"), "undo would take the follow-up away"
    assert follow_up(theirs, walks).comment == "B:s rättelse", "nothing written"
    qtbot.waitUntil(lambda: stack.index() == 1, timeout=2000)  # the step is back where it was
    assert stack.count() == 1 and stack.canUndo()

    with Answer(qtbot, Choice.THEIRS) as answer:  # Ta deras: theirs stays, the step goes
        stack.undo()
    assert len(answer.seen) == 1
    assert follow_up(theirs, walks).comment == "B:s rättelse"
    assert stack.count() == 0
    qtbot.waitUntil(lambda: page.model.follow_up(walks, PERIOD) is not None
                    and page.model.follow_up(walks, PERIOD).comment == "B:s rättelse", timeout=2000)


def test_undo_keep_mine_undoes_over_theirs_and_redo_puts_mine_back(qtbot, page, mine, theirs, stack):
    walks = walks_of(page)
    they_save(theirs, walks, comment="Först B")
    page.refresh()
    record_in_grid(qtbot, page, walks, "Sedan A")
    assert stack.count() == 1
    they_save(theirs, walks, comment="Sist B", light=TrafficLight.RED)

    with Answer(qtbot, Choice.MINE) as answer:
        stack.undo()
    assert answer.rows["Kommentar"] == ("Sist B", "Först B")
    assert answer.rows["Trafikljus"] == ("Röd", "Grön")
    back = follow_up(theirs, walks)
    assert (back.comment, back.light) == ("Först B", TrafficLight.GREEN), "undo done over theirs"
    assert stack.index() == 0 and stack.count() == 1, "still one step"

    stack.redo()  # no one changed it since: no question
    assert follow_up(theirs, walks).comment == "Sedan A"


# --- the measure and promise forms (Plan) ---------------------------------------------------------------
@pytest.fixture
def plan_page(qtbot, mine, stack, swedish):  # type: ignore[no-untyped-def]  # noqa: F811
    """The Plan page on a draft agreement of the shared database (the demo's are signed)."""
    from tests.ui.test_plan_page import Draft, make_page

    reg, agr = mine.register, mine.agreements
    municipality = reg.create_organisation(name="Exempelstads kommun", kind="municipality")
    police = reg.create_organisation(name="LPO Exempelstad", kind="police")
    agreement = agr.create_agreement(kind="citizen_promise", title="Exempelstad 2022", start_date="2022-01-01",
                                     end_date="2022-12-31", reporting_scheme="tertial")
    for organisation in (municipality, police):
        agr.add_party(agreement.id, organisation_id=organisation.id)
    made = Draft(agreement.id, municipality, police, None, None)
    page = make_page(qtbot, mine, stack)
    page.set_agreement(made.agreement_id)
    return page, made


def test_the_measure_form_shows_their_change_and_keep_mine_saves_over_it_as_one_step(qtbot, plan_page, mine,
                                                                                    theirs, stack):
    page, made = plan_page
    promise = mine.plan.create_promise(made.agreement_id, text="öka tryggheten i centrum",
                                       maker_ids=[made.municipality.id, made.police.id])
    measure = mine.plan.create_measure(promise_id=promise.id, title="Trygghetsvandring i centrum",
                                       responsible_id=made.municipality.id, deadline=date(2022, 6, 30))
    page.refresh()
    page.select_measure(measure.id)
    form = page.edit_measure()
    assert form is not None
    qtbot.waitExposed(form)
    # B moves the deadline and names the unit while A's form is open
    theirs.plan.update_measure(measure.id, expected_version=measure.version, deadline=date(2022, 9, 30),
                               target_count=4, target_unit="vandringar")
    form.title_edit.setText("Trygghetsvandringar i centrum och Hagalund")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    dialog = form.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    rows = shown_rows(dialog)
    assert rows["Titel"] == ("Trygghetsvandring i centrum", "Trygghetsvandringar i centrum och Hagalund")
    assert rows["Klart senast"] == ("2022-09-30", "2022-06-30")
    assert rows["Enhet"] == ("vandringar", "(tomt)")
    assert rows["Ansvarig"] == ("Exempelstads kommun", "Exempelstads kommun")
    assert any(name in dialog.who_label.text() for name in LOGGED_AS)
    shot(dialog, "conflict-measure.png")

    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)  # Behåll mitt: the whole form, as typed
    now = theirs.plan.get_measure(measure.id)
    assert now.title == "Trygghetsvandringar i centrum och Hagalund" and now.deadline == date(2022, 6, 30)
    assert stack.count() == 1
    stack.undo()  # back to theirs, not to what A opened
    back = theirs.plan.get_measure(measure.id)
    assert (back.title, back.deadline, back.target_unit) == ("Trygghetsvandring i centrum", date(2022, 9, 30),
                                                             "vandringar")


def test_the_measure_form_take_theirs_fills_the_form_and_cancel_keeps_what_was_typed(qtbot, plan_page, mine,
                                                                                    theirs, stack):
    page, made = plan_page
    promise = mine.plan.create_promise(made.agreement_id, text="öka tryggheten", maker_ids=[made.police.id])
    measure = mine.plan.create_measure(promise_id=promise.id, title="Fotpatrullering")
    page.refresh()
    page.select_measure(measure.id)
    form = page.edit_measure()
    assert form is not None
    theirs.plan.update_measure(measure.id, expected_version=measure.version, description="Fredagar och lördagar")
    form.title_edit.setText("Fotpatrullering kvällstid")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.conflict_dialog is not None
    qtbot.mouseClick(form.conflict_dialog.cancel_button, Qt.MouseButton.LeftButton)  # Avbryt
    assert form.isVisible() and form.title_edit.text() == "Fotpatrullering kvällstid"
    assert theirs.plan.get_measure(measure.id).title == "Fotpatrullering"

    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.conflict_dialog is not None
    qtbot.mouseClick(form.conflict_dialog.theirs_button, Qt.MouseButton.LeftButton)  # Ta deras
    assert form.isVisible()
    assert form.title_edit.text() == "Fotpatrullering"
    assert form.description_edit.toPlainText() == "Fredagar och lördagar"
    assert stack.count() == 0 and theirs.plan.get_measure(measure.id).version == measure.version + 1


def test_the_promise_form_shows_their_change(qtbot, plan_page, mine, theirs, stack):
    page, made = plan_page
    promise = mine.plan.create_promise(made.agreement_id, text="öka tryggheten", maker_ids=[made.police.id])
    page.refresh()
    page.select_promise(promise.id)
    form = page.edit_promise()
    assert form is not None
    theirs.plan.update_promise(promise.id, expected_version=promise.version, text="öka tryggheten i centrum")
    form.description_edit.setPlainText("Med fler vandringar")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    dialog = form.conflict_dialog
    assert dialog is not None
    rows = shown_rows(dialog)
    assert rows["Text"] == ("öka tryggheten i centrum", "öka tryggheten")
    assert rows["Beskrivning"] == ("(tomt)", "Med fler vandringar")
    assert rows["Vem lovar"] == ("LPO Exempelstad", "LPO Exempelstad")
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    (now,) = theirs.plan.list_promises(made.agreement_id)
    assert (now.text, now.description) == ("öka tryggheten", "Med fler vandringar")
    assert stack.count() == 1
