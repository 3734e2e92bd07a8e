"""What every page of the window builds the same way: its actions, the buttons bound to them,
and the notice line above its content."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
)

#: The look of a page's notice (why editing is off, what an action did).
NOTICE_STYLE = "background: #e8f0fe; border: 1px solid #aac4f0; border-radius: 3px; padding: 4px;"

B = TypeVar("B", bound=QAbstractButton)


def page_action(
    page: QWidget,
    text: str,
    tip: str,
    slot: Callable[[], object],
    shortcut: str | Sequence[str] = "",
    view: QWidget | None = None,
) -> QAction:
    """An action of ``page``; its keys work while the page has the focus, so the window's menu bar
    (where every page's actions are listed at once) shows each key once (tests/ui/test_keys.py).

    Given ``view``, the keys are the list's own (F2 change, Del delete, Alt+Up/Down move: the same
    in every list) and work only while that list has the focus: they are bound to the list by
    :func:`list_keys` and not shown in the menu, where several lists' actions stand side by side.
    The tooltip shows the key either way."""
    made = QAction(text, page)
    made.setStatusTip(tip)
    made.setToolTip(tip)
    keys = [shortcut] if isinstance(shortcut, str) else list(shortcut)
    sequences = [QKeySequence(key) for key in keys if key]
    if sequences:
        made.setToolTip(f"{tip} ({sequences[0].toString(QKeySequence.SequenceFormat.NativeText)})")
    made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    made.triggered.connect(lambda _checked=False: slot())
    if view is None:
        made.setShortcuts(sequences)
        page.addAction(made)
    elif sequences:
        list_keys(view, made, sequences)
    return made


def list_keys(view: QWidget, action: QAction, keys: Sequence[QKeySequence]) -> QAction:
    """``keys`` do ``action`` while ``view`` (a list) has the focus: a second action, on the list
    only and enabled with ``action``, so the menu can list ``action`` without a key that several
    lists share."""
    key_action = QAction(action.text(), view)
    key_action.setObjectName("list-key")
    key_action.setShortcuts(list(keys))
    key_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    key_action.setEnabled(action.isEnabled())
    action.enabledChanged.connect(key_action.setEnabled)
    key_action.triggered.connect(lambda _checked=False: action.trigger())
    view.addAction(key_action)
    return key_action


class _ToolTipFollower(QObject):
    """Gives ``button`` the action's tooltip again when the action's changes (a greyed-out edit says
    which role would allow it: ui/common/write_access.py). A child of the button, so it goes with it."""

    def __init__(self, button: QWidget, action: QAction) -> None:
        super().__init__(button)
        self._button = button
        self._action = action
        self._tip = action.toolTip()
        action.changed.connect(self._follow)

    def _follow(self) -> None:
        tip = self._action.toolTip()
        if tip != self._tip:  # not on every change (enabled, text): the button may have a tip of its own
            self._tip = tip
            self._button.setToolTip(tip)


def bind_button(button: B, action: QAction) -> B:
    """``button`` does ``action`` and is kept enabled like it; named in full for screen readers."""
    button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
    button.setToolTip(action.toolTip())
    _ToolTipFollower(button, action)
    if action.isCheckable():
        button.setCheckable(True)
        button.setChecked(action.isChecked())
        button.toggled.connect(action.setChecked)
        action.toggled.connect(button.setChecked)
    else:
        button.clicked.connect(lambda _checked=False: action.trigger())
    action.enabledChanged.connect(button.setEnabled)
    button.setEnabled(action.isEnabled())
    return button


def action_button(action: QAction, text: str | None = None) -> QPushButton:
    """A push button for ``action``, labelled like it (without the menu's &) unless ``text`` is given."""
    return bind_button(QPushButton(text if text is not None else action.text().replace("&", "")), action)


def arrow_button(action: QAction, arrow: Qt.ArrowType) -> QToolButton:
    """A small arrow button for ``action`` (move up or down), reachable with Tab."""
    button = QToolButton()
    button.setArrowType(arrow)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return bind_button(button, action)


def notice_label() -> QLabel:
    """The page's notice line: plain, wrapped, selectable text, hidden until there is something to say."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(NOTICE_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label


def record_table(model: QAbstractItemModel, name: str) -> QTableView:
    """A read-only list of records, one selected row at a time, named ``name`` for screen readers.
    Tab leaves the table (arrows move within it); long texts are elided, whole in the tooltip."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    return view


def button_row(*buttons: QAbstractButton, after: Sequence[QAbstractButton] = ()) -> QHBoxLayout:
    """Buttons in a row from the left; ``after`` them, at the right end."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    for button in after:
        row.addWidget(button)
    return row


class ActionNotice(QObject):
    """What a page says about an action it just did ("Löftet … är borttaget (Ångra tar tillbaka
    det)", "Förra periodens status kopierades …"), kept only while it is true: it goes away when
    the undo stack moves (that action undone, or another one done) and when the page is left
    (hidden behind another tab), so it never greets the user later about something past.

    ``show(text)`` is the page's own notice setter; :meth:`say` shows through it and remembers."""

    def __init__(self, page: QWidget, stack: QUndoStack, show: Callable[[str], None]) -> None:
        super().__init__(page)
        self._stack = stack
        self._show = show
        self._index: int | None = None
        stack.indexChanged.connect(self._stack_moved)
        page.installEventFilter(self)

    def say(self, text: str) -> None:
        self._show(text)
        self._index = self._stack.index() if text else None

    def showing(self) -> bool:
        return self._index is not None

    def withdraw(self) -> None:
        if self._index is not None:
            self._index = None
            self._show("")

    def _stack_moved(self, index: int) -> None:
        if self._index is not None and index != self._index:
            self.withdraw()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Hide and not event.spontaneous():
            self.withdraw()
        return False
