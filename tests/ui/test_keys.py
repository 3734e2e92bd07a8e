"""Keys: no key does two things, no menu lists a thing twice, Ctrl+Y redoes, Ctrl+S saves the form.

The window's menu bar lists every page's actions at once, so it is one context: a key shown
there is shown once. Beside it, every place the focus can be (a list, a field, a page, a dialog)
is a context of its own: the keys that work there (the window's, the page's around it, the
list's own) must differ, or Qt runs neither (it reports an "ambiguous shortcut" instead).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from promises_app.ui.plan.measure_dialog import MeasureForm
from promises_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import DEMO_TODAY

CTRL = Qt.KeyboardModifier.ControlModifier
SOLNA = "Solna – medborgarlöften 2022"
WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


@pytest.fixture
def window(qtbot, demo_ui_services, swedish_app) -> MainWindow:  # type: ignore[no-untyped-def]
    """The demo in the window, with Solna's citizen promises a draft again (so the plan can be edited)."""
    solna = next(a for a in demo_ui_services.agreements.list_agreements() if a.title == SOLNA)
    demo_ui_services.signoff.new_revision(solna.id)
    made = MainWindow(demo_ui_services, today=lambda: DEMO_TODAY)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    made.complete()
    made.select_agreement(solna.id)
    made.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    return made


# --- what the menus list -------------------------------------------------------------------------
def menu_entries(menu: QMenu, path: str = "") -> Iterator[tuple[str, QMenu, QAction]]:
    """Every entry of ``menu`` and its submenus: (where, the menu, the action)."""
    where = f"{path} > {menu.title()}" if path else menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            yield from menu_entries(action.menu(), where)
        else:
            yield where, menu, action


def bar_entries(window: MainWindow) -> list[tuple[str, QMenu, QAction]]:
    for page in window._pages():  # every page's actions as they are when its menu opens
        window._ensure_loaded(page)
    return [entry for top in window.menuBar().actions() if top.menu() for entry in menu_entries(top.menu())]


def plain(text: str) -> str:
    return text.replace("&", "").rstrip("…").strip()


def menu_bar_problems(window: MainWindow) -> list[str]:
    """Keys shown twice in the menu bar, actions listed twice, and two entries of one menu that read alike."""
    problems = []
    entries = bar_entries(window)
    listed: dict[int, str] = {}
    texts: dict[tuple[int, str], str] = {}
    keys: dict[str, str] = {}
    for where, menu, action in entries:
        name = f"{where} → {plain(action.text())}"
        if id(action) in listed:
            problems.append(f"listed twice: {name} (also {listed[id(action)]})")
        listed[id(action)] = name
        text_key = (id(menu), plain(action.text()).casefold())
        if text_key in texts:
            problems.append(f"two entries read alike: {name}")
        texts[text_key] = name
        for key in action.shortcuts():
            shown = key.toString()
            if key.isEmpty():
                continue
            if shown in keys and keys[shown] != name:
                problems.append(f"{shown}: {keys[shown]} and {name}")
            keys[shown] = name
    return problems


def test_the_menu_bar_shows_each_key_once_and_lists_each_action_once(window):
    assert len(bar_entries(window)) > 60, "every page's actions are in the menus"
    assert menu_bar_problems(window) == []


def test_the_check_finds_a_key_shown_twice_and_an_action_listed_twice(window):
    """The check above can fail: a page action given a key of another page's, and listed twice."""
    window.plan_page.new_promise_action.setShortcut(QKeySequence("Ctrl+Shift+U"))  # Add signatory's
    window.page_menus[2].addAction(window.plan_page.new_measure_action)  # the Plan menu has it already
    problems = menu_bar_problems(window)
    assert any(p.startswith("Ctrl+Shift+U:") for p in problems), problems
    assert any(p.startswith("listed twice:") and "Ny åtgärd" in p for p in problems), problems


# --- what works where the focus is -----------------------------------------------------------------
def bindings(top: QWidget) -> list[tuple[QObject, Qt.ShortcutContext, list[QKeySequence], list[QObject], str]]:
    """Every key binding inside ``top``: actions (with the widgets and menus they are added to) and
    QShortcuts (with their parent)."""
    found: list[tuple[QObject, Qt.ShortcutContext, list[QKeySequence], list[QObject], str]] = []
    for action in top.findChildren(QAction):
        keys = [key for key in action.shortcuts() if not key.isEmpty()]
        owners = list(action.associatedObjects())
        if keys and owners:
            found.append((action, action.shortcutContext(), keys, owners, plain(action.text())))
    for shortcut in top.findChildren(QShortcut):
        keys = [key for key in shortcut.keys() if not key.isEmpty()]
        if keys:
            found.append((shortcut, shortcut.context(), keys, [shortcut.parent()], shortcut.objectName() or "QShortcut"))
    return found


def is_within(widget: QObject, owner: QObject) -> bool:
    probe: QObject | None = widget
    while probe is not None:
        if probe is owner:
            return True
        probe = probe.parent()
    return False


def focus_clashes(top: QWidget) -> list[str]:
    """For every widget in ``top`` that can take the focus: the keys two bindings share there."""
    known = bindings(top)
    problems = set()
    for widget in [top, *top.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and widget is not top:
            continue
        if isinstance(widget, QMenu):
            continue
        active: dict[str, list[str]] = defaultdict(list)
        for binding, context, keys, owners, name in known:
            if context in WINDOW_WIDE:
                works = True
            elif context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
                works = any(isinstance(o, QWidget) and not isinstance(o, QMenu) and is_within(widget, o)
                            for o in owners)
            else:
                works = any(o is widget for o in owners)
            if works:
                for key in keys:
                    active[key.toString()].append(f"{name} ({type(binding).__name__})")
        for key, names in active.items():
            if len(names) > 1:
                problems.add(f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()}: {key}: "
                             f"{sorted(names)}")
    return sorted(problems)


def test_where_the_focus_is_in_the_window_no_key_does_two_things(qtbot, window):
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    assert focus_clashes(window) == []


def test_the_focus_check_finds_a_list_key_that_is_also_a_window_key(window):
    tree = window.plan_page.tree
    extra = QAction("Dubblett", tree)
    extra.setShortcut(QKeySequence("Ctrl+R"))  # the follow-up report's
    extra.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    tree.addAction(extra)
    assert any("Ctrl+R" in problem for problem in focus_clashes(window))


def measure_nodes(plan):  # type: ignore[no-untyped-def]
    return [node for group in plan.model.groups() for promise in group.children for node in promise.children
            if node.status is not None]


def measure_titles(plan) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(node.status.measure.title for node in measure_nodes(plan))


def first_measure(plan) -> int:  # type: ignore[no-untyped-def]
    return measure_nodes(plan)[0].status.measure.id


# --- the dialogs the window opens ------------------------------------------------------------------
def visible_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def inspect_opened(trigger: Callable[[], object], seen: list[tuple[str, list[str]]]) -> None:
    """Run ``trigger``; whatever dialog it opens (modal with exec() or open()) is checked, then closed."""
    before = {id(d) for d in visible_dialogs()}

    def look() -> None:
        for dialog in visible_dialogs():
            if id(dialog) not in before:
                before.add(id(dialog))
                seen.append((type(dialog).__name__, focus_clashes(dialog)))
                dialog.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(0, look)  # a dialog shown with exec() is looked at from inside its own loop
    trigger()
    look()


def test_in_the_dialogs_the_window_opens_no_key_does_two_things(qtbot, window):
    plan, followup, parties, situation = window.plan_page, window.followup_page, window.parties_page, \
        window.situation_page
    seen: list[tuple[str, list[str]]] = []
    window.tabs.setCurrentWidget(plan)
    plan.select_measure(first_measure(plan))
    for action in (plan.new_measure_action, plan.new_promise_action, plan.edit_action, plan.focus_areas_action,
                   window.edit_agreement_action, window.new_agreement_action, window.organisations_action,
                   window.people_action, window.settings_action, window.followup_report_action,
                   parties.add_party_action, parties.new_person_action, situation.add_source_action,
                   situation.follow_action, situation.register_action, situation.new_walk_action):
        window._ensure_loaded(window.plan_page)
        if action in (parties.add_party_action, parties.new_person_action):
            window.tabs.setCurrentWidget(parties)
        if action in (situation.add_source_action, situation.follow_action):
            window.tabs.setCurrentWidget(situation)
        assert action.isEnabled(), action.text()
        inspect_opened(action.trigger, seen)
    window.tabs.setCurrentWidget(followup)
    inspect_opened(followup.edit_action.trigger, seen)
    names = [name for name, _problems in seen]
    assert {"MeasureForm", "PromiseForm", "AgreementDialog", "RegisterDialog", "FollowUpEditor",
            "ReportDialog"} <= set(names), names
    assert [(name, problems) for name, problems in seen if problems] == []


# --- the keys a Word user presses ------------------------------------------------------------------
def test_ctrl_s_saves_the_measure_form_and_ctrl_z_ctrl_y_undo_and_redo_it(qtbot, window):
    plan = window.plan_page
    window.tabs.setCurrentWidget(plan)
    promise = plan.model.promise_records()[0]
    plan.select_promise(promise.id)
    plan.tree.setFocus()
    before = measure_titles(plan)
    qtbot.keyClick(plan.tree, Qt.Key.Key_M, CTRL | Qt.KeyboardModifier.ShiftModifier)  # Ny åtgärd…
    form = next(d for d in visible_dialogs() if isinstance(d, MeasureForm))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    form.title_edit.setFocus()
    qtbot.keyClicks(form.title_edit, "Belysning vid busshållplatsen")
    qtbot.keyClick(form.title_edit, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert measure_titles(plan) == sorted([*before, "Belysning vid busshållplatsen"])
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    plan.tree.setFocus()
    qtbot.keyClick(plan.tree, Qt.Key.Key_Z, CTRL)
    assert measure_titles(plan) == before
    qtbot.keyClick(plan.tree, Qt.Key.Key_Y, CTRL)  # Windows' redo, on every platform
    assert measure_titles(plan) == sorted([*before, "Belysning vid busshållplatsen"])


def test_ctrl_s_in_the_window_makes_no_backup_but_says_that_edits_are_saved(qtbot, window, tmp_path):
    backups = window.services.backups.list_backups()
    window.tabs.setCurrentWidget(window.plan_page)
    window.plan_page.tree.setFocus()
    qtbot.keyClick(window.plan_page.tree, Qt.Key.Key_S, CTRL)
    assert "sparas" in window.statusBar().currentMessage()
    assert window.backup_action.shortcut().isEmpty()
    assert window.services.backups.list_backups() == backups


def test_delete_works_in_the_list_that_has_the_focus_and_only_there(qtbot, window):
    """Del is each list's own key: in the signatory list it removes the signatory, not the party."""
    parties = window.parties_page
    window.tabs.setCurrentWidget(parties)
    keys = {a.text(): [k.toString() for k in a.shortcuts()] for a in parties.signatory_view.actions()}
    assert keys.get(parties.remove_signatory_action.text()) == ["Del"]
    assert parties.remove_signatory_action.shortcut().isEmpty(), "not shown in the menu beside Ta bort part"
    assert "Del" in parties.remove_signatory_action.toolTip()
