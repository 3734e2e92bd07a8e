"""The secretary's walkthrough (issue 16, "Done when"): the real main window on a new, empty
database at 1280×720 is driven with key presses and mouse clicks only, to enter an ordinary
agreement (2 parties, 2 focus areas, 3 promises, 4 measures, one with a counted target) and then
its first tertial's follow-up for the 4 measures; the actions are counted as a person makes them.

The counting rule (the same as docs/usability.md's):

* one **click** (a mouse button pressed and released on a widget or a cell) is one action;
* one **key press** is one action, a combination included (Tab, Enter, Esc, Ctrl+2,
  Ctrl+Shift+M, Alt+A: each one action);
* one **typed text** is one action when it is one field's or one cell's text ("Ale kommun" in
  the Kommun field, "gen" in a status cell, "4" in a count): typing is the content, the keys
  around it are what the program costs.

Every action goes through the helpers ``click``, ``type_into`` and ``press`` below, which count;
nothing calls a slot or a service to move the walk on. The figures are asserted: at most 60
actions for the agreement and at most 12 for the follow-up. At the end the window is closed and
the database read again through a fresh ``open_services``.

Each step's screenshot (the window, with the dialog open over it where there is one) is taken at
1280×720; ``WALKTHROUGH_SHOTS=1`` writes them to docs/screenshots/walkthrough/ (for the doc),
otherwise to the test's temporary folder.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget

from promises_app.domain.enums import FollowUpStatus
from promises_app.services import open_services
from promises_app.ui.followup.followup_page import FollowUpPage
from promises_app.ui.parties.agreement_dialog import AgreementDialog
from promises_app.ui.plan.focus_area_dialog import FocusAreaForm, FocusAreaListDialog
from promises_app.ui.plan.measure_dialog import MeasureForm
from promises_app.ui.plan.promise_dialog import PromiseForm
from promises_app.ui.shell.main_window import MainWindow
from promises_app.ui.shell.settings import AppSettings

pytestmark = pytest.mark.usefixtures("swedish_app")

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
#: The agreement is entered in January; its first tertial is followed up at the end of April.
ENTERED_ON = date(2027, 1, 12)
FOLLOWED_UP_ON = date(2027, 4, 28)
SHOTS_IN_REPO = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "walkthrough"
TITLE_BAR = 24
AGREEMENT_LIMIT = 60
FOLLOW_UP_LIMIT = 12


@dataclass
class Walk:
    """The counters and the screenshots of one walkthrough."""

    qtbot: object
    window: MainWindow
    shots: Path
    actions: int = 0
    #: (what the step does, its actions, its screenshots' file names)
    steps: list[tuple[str, int, list[str]]] = field(default_factory=list)
    _step_start: int = 0
    _step_shots: list[str] = field(default_factory=list)
    _shot_count: int = 0

    # --- the actions, each counted ------------------------------------------------------------
    def click(self, widget: QWidget, at: QPoint | None = None, modifier: Qt.KeyboardModifier = NO_MOD) -> None:
        """One click (on a button, a field, or the point ``at`` of a view's viewport)."""
        assert widget.isVisible() and widget.isEnabled(), widget
        if at is None:
            self.qtbot.mouseClick(widget, LEFT, modifier)  # type: ignore[attr-defined]
        else:
            self.qtbot.mouseClick(widget, LEFT, modifier, at)  # type: ignore[attr-defined]
        self.actions += 1

    def type_into(self, widget: QWidget, text: str) -> None:
        """One field's text: one action. ``widget`` must have the focus already (a counted Tab, click
        or Alt key put it there); the keys go where the focus is, as a keyboard sends them (a grid's
        first letter opens the cell's editor, the rest goes into it)."""
        focused = QApplication.focusWidget()
        assert focused is not None and (focused is widget or widget.isAncestorOf(focused)), (widget, focused)
        if isinstance(focused, QComboBox):
            # Qt joins letters typed into a list within this interval into one search; a person's
            # next field comes later than that (a test's would not)
            self.qtbot.wait(QApplication.keyboardInputInterval() + 50)  # type: ignore[attr-defined]
        for character in text:
            target = QApplication.focusWidget()
            if character.isascii():
                self.qtbot.keyClick(target, character)  # type: ignore[attr-defined]
            else:  # QTest's character keys are ASCII only: the key event with its text, as a keyboard sends it
                QTest.sendKeyEvent(QTest.KeyAction.Click, target, Qt.Key.Key_unknown, character, NO_MOD)
        self.actions += 1

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MOD) -> None:
        """One key press (with its modifiers) where the focus is."""
        target = QApplication.focusWidget() or QApplication.activeModalWidget() or QApplication.activeWindow()
        assert target is not None
        self.qtbot.keyClick(target, key, modifier)  # type: ignore[attr-defined]
        self.actions += 1

    # --- steps and screenshots -----------------------------------------------------------------
    def done(self, what: str) -> None:
        """A step ends: its actions (since the last step ended) and its screenshots are noted."""
        self.steps.append((what, self.actions - self._step_start, self._step_shots))
        self._step_start, self._step_shots = self.actions, []

    def shot(self, name: str) -> None:
        """The screen now (the window, with any open dialog drawn over it) as NN-name.png."""
        self._shot_count += 1
        file_name = f"{self._shot_count:02d}-{name}.png"
        self._step_shots.append(file_name)
        picture = self.window.grab()
        assert (picture.width(), picture.height()) == (1280, 720), picture.size()
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        if dialogs:
            painter = QPainter(picture)
            for dialog in sorted(dialogs, key=_depth):
                image: QPixmap = dialog.grab()
                # offscreen, a dialog sits anywhere and has no frame: drawn centred over the window
                # under a title bar, as a window manager shows it
                x = max(0, (picture.width() - image.width()) // 2)
                y = max(TITLE_BAR, (picture.height() - image.height() + TITLE_BAR) // 2)
                painter.fillRect(x - 1, y - TITLE_BAR, image.width() + 2, TITLE_BAR, QColor("#4a5a6a"))
                painter.setPen(QColor("white"))
                painter.drawText(x + 8, y - TITLE_BAR, image.width() - 16, TITLE_BAR,
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, dialog.windowTitle())
                painter.drawPixmap(x, y, image)
                painter.setPen(QColor("#4a5a6a"))
                painter.drawRect(x - 1, y - TITLE_BAR, image.width() + 1, image.height() + TITLE_BAR)
            painter.end()
        # 256 colours: the same picture for a screen of widgets, a quarter of the file
        # 256 colours (median cut keeps the widgets' own shades): the same picture, half the file
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        assert picture.save(buffer, "PNG")
        full = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
        full.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(self.shots / file_name, optimize=True)


def _depth(widget: QWidget) -> int:
    depth, parent = 0, widget.parentWidget()
    while parent is not None:
        depth, parent = depth + 1, parent.parentWidget()
    return depth


def back_to(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """A dialog closed: its parent is the active window again, as a window manager makes it (the
    offscreen platform does not); no action of the person's."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def only(kind: type, parent: QWidget | None = None) -> QWidget:
    """The one visible window of ``kind`` (a dialog the last action opened)."""
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def wait_for(qtbot, kind: type) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(isinstance(w, kind) and w.isVisible() for w in QApplication.topLevelWidgets()))
    dialog = only(kind)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


@pytest.fixture
def walk(qtbot, tmp_path: Path) -> Walk:  # type: ignore[no-untyped-def]
    clock = [ENTERED_ON]
    settings = AppSettings(QSettings(str(tmp_path / "settings" / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(open_services(tmp_path / "ny.sqlite", create=True, exclusive=True),
                        today=lambda: clock[0], settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.activateWindow()
    back_to(qtbot, window)
    shots = SHOTS_IN_REPO if os.environ.get("WALKTHROUGH_SHOTS") else tmp_path / "shots"
    shots.mkdir(parents=True, exist_ok=True)
    result = Walk(qtbot, window, shots)
    result.clock = clock  # type: ignore[attr-defined]
    return result


def test_an_ordinary_agreement_in_at_most_60_actions_and_its_first_follow_up_in_at_most_12(
        qtbot, walk: Walk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = walk.window
    assert window.right_stack.currentWidget() is window.start_view, "an empty database starts on the start view"
    walk.shot("startvy")
    walk.done("Startvyn på en tom databas")

    # 1. The agreement: title, municipality, police area; the form makes the two parties. ------------
    filled: list[bool] = []

    def fill_in_agreement() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, AgreementDialog) and w.isVisible()]
        if not shown or QApplication.activeWindow() is not shown[0]:
            QTimer.singleShot(10, fill_in_agreement)  # not open yet
            return
        dialog = shown[0]
        walk.type_into(dialog.title_edit, "Ale – medborgarlöften 2027")
        walk.press(Qt.Key.Key_Tab)
        walk.type_into(dialog.municipality_edit, "Ale kommun")
        walk.press(Qt.Key.Key_Tab)
        walk.type_into(dialog.police_area_edit, "Ale")
        assert dialog.place_parties_note.text() == (
            "Ale kommun (ny i registret) och Lokalpolisområde Ale (ny i registret) blir parter i överenskommelsen.")
        walk.shot("ny-overenskommelse")
        walk.press(Qt.Key.Key_Return)
        filled.append(True)

    QTimer.singleShot(0, fill_in_agreement)
    walk.click(window.start_view.new_button)  # the form is modal: filled in while it is open
    assert filled == [True]
    agreement_id = window.current_agreement_id()
    assert agreement_id is not None
    back_to(qtbot, window)
    assert window.tabs.currentIndex() == window.plan_tab, "both parties made: the plan is the next step"
    walk.shot("planen-efter-skapa")
    walk.done("Ny överenskommelse…: titel, Tab, kommun, Tab, lokalpolisområde, Enter (formuläret gör parterna)")

    # 2. Two focus areas. -------------------------------------------------------------------------------
    walk.press(Qt.Key.Key_O, CTRL | ALT)
    areas = wait_for(qtbot, FocusAreaListDialog)
    for number, name in enumerate(("Nödinge centrum", "Skolvägar")):
        walk.press(Qt.Key.Key_N, ALT)  # &Nytt…
        form = wait_for(qtbot, FocusAreaForm)
        assert isinstance(form, FocusAreaForm)
        walk.type_into(form.name_edit, name)
        if number == 1:
            walk.shot("fokusomrade")
        walk.press(Qt.Key.Key_Return)
        qtbot.waitUntil(form.isHidden)
        back_to(qtbot, areas)
    walk.shot("fokusomraden")
    walk.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not areas.isVisible())
    back_to(qtbot, window)
    walk.done("Fokusområden (Ctrl+Alt+O), två gånger Alt+N, namn, Enter; Esc")

    # 3. Promises, each followed by its measures (the new promise is selected: Ny åtgärd goes under it). --
    def new_promise(text: str, shot: str, what: str) -> None:
        walk.press(Qt.Key.Key_P, CTRL | SHIFT)
        form = wait_for(qtbot, PromiseForm)
        assert isinstance(form, PromiseForm)
        assert len(form.makers_list.checked_ids()) == 2, "both parties promise unless unticked"
        walk.type_into(form.text_edit, text)
        walk.shot(shot)
        walk.press(Qt.Key.Key_S, CTRL)
        qtbot.waitUntil(lambda: not form.isVisible())
        back_to(qtbot, window)
        walk.done(what)

    def measure_fields(form: MeasureForm, title: str, *, area: str | None, responsible: str) -> None:
        walk.type_into(form.title_edit, title)
        if area is not None:
            walk.press(Qt.Key.Key_F, ALT)  # &Fokusområde
            walk.type_into(form.focus_combo, area[:3])  # a list is picked from by its start
            assert form.focus_combo.currentText() == area
        walk.press(Qt.Key.Key_A, ALT)  # &Ansvarig
        walk.type_into(form.responsible_combo, responsible[:3])
        assert form.responsible_combo.currentText() == responsible

    def open_measure_form() -> MeasureForm:
        walk.press(Qt.Key.Key_M, CTRL | SHIFT)
        form = wait_for(qtbot, MeasureForm)
        assert isinstance(form, MeasureForm)
        assert form.deadline_field.value() == date(2027, 12, 31), "due when the agreement ends"
        return form

    def saved_and_closed(form: QWidget) -> None:
        walk.press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not form.isVisible())
        back_to(qtbot, window)

    new_promise("öka tryggheten i Nödinge centrum", "lofte-1", "Löfte 1 (Ctrl+Shift+P), texten, Ctrl+S")
    form = open_measure_form()
    measure_fields(form, "Trygghetsvandringar i Nödinge centrum", area="Nödinge centrum", responsible="Ale kommun")
    walk.press(Qt.Key.Key_M, ALT)  # &Målvärde
    walk.type_into(form.target_spin, "4")
    walk.press(Qt.Key.Key_Tab)
    walk.type_into(form.unit_edit, "trygghetsvandringar")
    walk.shot("atgard-med-malvarde")
    walk.press(Qt.Key.Key_Y, ALT)  # Spara och n&y: the promise and the focus area stay
    # a button's Alt key clicks it as a mouse would, a moment later (animateClick)
    qtbot.waitUntil(lambda: form.title_edit.text() == "" and form.title_edit.hasFocus())
    assert form.isVisible()
    walk.done("Åtgärd 1 (Ctrl+Shift+M): titel, Alt+F fokusområde, Alt+A ansvarig, Alt+M målvärde 4, Tab, enhet, "
              "Alt+Y Spara och ny")
    measure_fields(form, "Bättre belysning vid Nödinge station", area=None, responsible="Ale kommun")
    assert form.focus_combo.currentText() == "Nödinge centrum"
    walk.shot("spara-och-ny")
    saved_and_closed(form)
    walk.done("Åtgärd 2 under samma löfte och fokusområde: titel, Alt+A ansvarig, Enter")

    new_promise("minska hastigheterna vid skolorna", "lofte-2", "Löfte 2: Ctrl+Shift+P, texten, Ctrl+S")
    form = open_measure_form()
    measure_fields(form, "Trafikkontroller vid skolorna", area="Skolvägar", responsible="Lokalpolisområde Ale")
    walk.shot("atgard-trafik")
    saved_and_closed(form)
    walk.done("Åtgärd 3: Ctrl+Shift+M, titel, Alt+F fokusområde, Alt+A ansvarig, Enter")

    new_promise("synas mer i centrum på kvällarna", "lofte-3", "Löfte 3: Ctrl+Shift+P, texten, Ctrl+S")
    form = open_measure_form()
    measure_fields(form, "Fotpatrullering fredags- och lördagskvällar", area="Nödinge centrum",
                   responsible="Lokalpolisområde Ale")
    walk.shot("atgard-fotpatrullering")
    saved_and_closed(form)
    walk.shot("planen-klar")
    walk.done("Åtgärd 4: Ctrl+Shift+M, titel, Alt+F fokusområde, Alt+A ansvarig, Enter")
    agreement_actions = walk.actions

    # 4. The first tertial's follow-up, at the end of April. -----------------------------------------
    walk.clock[0] = FOLLOWED_UP_ON  # type: ignore[attr-defined]
    walk.press(Qt.Key.Key_3, CTRL)  # Uppföljning
    page = window.followup_page
    assert isinstance(page, FollowUpPage) and window.tabs.currentWidget() is page
    assert page.period_combo.currentText() == "2027-T1", "the running tertial is the one typed into"
    walk.shot("uppfoljning")
    walk.done("Uppföljning (Ctrl+3): perioden 2027-T1 är vald")
    measures = [item.measure for group in page.model.groups() for item in group.measures]
    assert len(measures) == 4

    def cell(row: int, field_name: str) -> QPoint:
        index = page.proxy.mapFromSource(page.model.index_of(measures[row].id, page.model.edit_column(field_name)))
        assert index.isValid()
        page.view.scrollTo(index)
        return page.view.visualRect(index).center()

    # all four are under way: select their status cells, type "påg", Enter (one undo step)
    walk.click(page.view.viewport(), cell(0, "status"))
    walk.click(page.view.viewport(), cell(3, "status"), SHIFT)
    walk.type_into(page.view, "påg")
    walk.shot("markerade-pagaende")
    walk.press(Qt.Key.Key_Return)
    walk.done("Alla fyra Pågående: klick på första statuscellen, Skift+klick på sista, \"påg\", Enter")
    # the lighting is done already
    lighting = next(i for i, m in enumerate(measures) if m.title.startswith("Bättre belysning"))
    walk.click(page.view.viewport(), cell(lighting, "status"))
    walk.type_into(page.view, "gen")
    walk.shot("genomford")
    walk.press(Qt.Key.Key_Return)
    walk.done("Belysningen Genomförd: klick, \"gen\", Enter")
    # one of the four safety walks was held
    walks_row = next(i for i, m in enumerate(measures) if m.target_count)
    walk.click(page.view.viewport(), cell(walks_row, "count_achieved"))
    walk.type_into(page.view, "1")
    walk.press(Qt.Key.Key_Return)
    walk.shot("uppfoljning-klar")
    walk.done("Trygghetsvandringarna: klick i Antal, \"1\", Enter")
    follow_up_actions = walk.actions - agreement_actions

    steps = "\n".join(f"| {what} | {count} | {', '.join(shots)} |" for what, count, shots in walk.steps)
    assert agreement_actions <= AGREEMENT_LIMIT, f"{agreement_actions} actions for the agreement\n{steps}"
    assert follow_up_actions <= FOLLOW_UP_LIMIT, f"{follow_up_actions} actions for the follow-up\n{steps}"
    print(f"\nagreement: {agreement_actions} actions, follow-up: {follow_up_actions} actions\n{steps}")

    # 5. What was entered is in the database, read afresh once the window is closed. -----------------
    window.close()
    services = open_services(tmp_path / "ny.sqlite", create=False)
    try:
        agreement = services.agreements.get_agreement(agreement_id)
        assert (agreement.title, agreement.municipality, agreement.police_area) == (
            "Ale – medborgarlöften 2027", "Ale kommun", "Ale")
        assert (agreement.start_date, agreement.end_date, agreement.reporting_scheme.value) == (
            date(2027, 1, 1), date(2027, 12, 31), "tertial")
        parties = services.agreements.list_parties(agreement_id)
        assert [(p.organisation_name, p.organisation_kind.value) for p in parties] == [
            ("Ale kommun", "municipality"), ("Lokalpolisområde Ale", "police")]
        town, police = (p.organisation_id for p in parties)
        areas_by_id = {a.id: a.name for a in services.plan.list_focus_areas(agreement_id)}
        assert sorted(areas_by_id.values()) == ["Nödinge centrum", "Skolvägar"]
        promises = services.plan.list_promises(agreement_id)
        assert [p.text for p in promises] == [
            "öka tryggheten i Nödinge centrum", "minska hastigheterna vid skolorna",
            "synas mer i centrum på kvällarna"]
        assert all(sorted(p.maker_ids) == sorted([town, police]) for p in promises)
        promise_text = {p.id: p.text for p in promises}
        saved = services.plan.list_measures(agreement_id)
        assert sorted((m.title, promise_text[m.promise_id], areas_by_id.get(m.focus_area_id or -1),
                       m.responsible_id, m.deadline, m.target_count, m.target_unit) for m in saved) == sorted([
            ("Trygghetsvandringar i Nödinge centrum", "öka tryggheten i Nödinge centrum", "Nödinge centrum", town,
             date(2027, 12, 31), 4, "trygghetsvandringar"),
            ("Bättre belysning vid Nödinge station", "öka tryggheten i Nödinge centrum", "Nödinge centrum", town,
             date(2027, 12, 31), None, ""),
            ("Trafikkontroller vid skolorna", "minska hastigheterna vid skolorna", "Skolvägar", police, date(2027, 12, 31), None, ""),
            ("Fotpatrullering fredags- och lördagskvällar", "synas mer i centrum på kvällarna", "Nödinge centrum", police,
             date(2027, 12, 31), None, ""),
        ])
        results = {}
        for measure in saved:
            follow_ups = services.follow_ups.list_for_measure(measure.id)
            assert [f.period for f in follow_ups] == ["2027-T1"], measure.title
            results[measure.title] = (follow_ups[0].status, follow_ups[0].count_achieved)
        assert results == {
            "Trygghetsvandringar i Nödinge centrum": (FollowUpStatus.IN_PROGRESS, 1),
            "Bättre belysning vid Nödinge station": (FollowUpStatus.DONE, None),
            "Trafikkontroller vid skolorna": (FollowUpStatus.IN_PROGRESS, None),
            "Fotpatrullering fredags- och lördagskvällar": (FollowUpStatus.IN_PROGRESS, None),
        }
    finally:
        services.db.close()


def test_the_plan_follows_its_changes_after_the_focus_area_list_was_closed(  # type: ignore[no-untyped-def]
        qtbot, services, swedish_app) -> None:
    """The walkthrough found it: the page held the closed (deleted) Fokusområden dialog and so took
    itself for a page being torn down, and stopped reading the plan after every later edit."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from promises_app.ui.common.operations import Operations
    from promises_app.ui.plan.plan_page import PlanPage

    town = services.register.create_organisation(name="Ale kommun", kind="municipality")
    agreement = services.agreements.create_agreement(
        kind="citizen_promise", title="Ale 2027", start_date=date(2027, 1, 1), end_date=date(2027, 12, 31),
        reporting_scheme="tertial")
    services.agreements.add_party(agreement.id, organisation_id=town.id)
    stack = Operations()
    stack.watch(services)
    page = PlanPage(services, stack, today=lambda: ENTERED_ON)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.set_agreement(agreement.id)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)

    qtbot.keyClick(page, Qt.Key.Key_O, CTRL | ALT)
    areas = wait_for(qtbot, FocusAreaListDialog)
    qtbot.keyClick(areas.list_widget, Qt.Key.Key_Escape)
    qtbot.waitUntil(areas.isHidden)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the closed dialog is gone
    back_to(qtbot, page)

    qtbot.keyClick(page, Qt.Key.Key_P, CTRL | SHIFT)
    form = wait_for(qtbot, PromiseForm)
    assert isinstance(form, PromiseForm) and form.text_edit.hasFocus(), "a new promise starts in its text"
    qtbot.keyClicks(form.text_edit, "synas mer i centrum")
    qtbot.keyClick(form.text_edit, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(form.isHidden)
    assert [p.text for p in page.model.promise_records()] == ["synas mer i centrum"], "the plan read again"
    assert page.new_measure_action.isEnabled()
