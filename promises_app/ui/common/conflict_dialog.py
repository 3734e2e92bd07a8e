"""The conflict dialog: someone else saved the same row while this person edited it.

Two people share one database (docs/architecture.md, optimistic concurrency): when a save or an
undo finds the row changed by someone else, the services refuse it (``ConflictError``, or
``RowChangedError`` for an undo) and nothing is written. This dialog then shows, field by field,
**their value** (as saved now, by whom and when if the change log says) and **yours**, and
offers three ways on, none of which loses what anybody typed:

- **Ta deras**: their values are loaded into the view; nothing is saved.
- **Behåll mitt**: what you typed is saved over theirs, at the version saved now: one undo step.
- **Avbryt**: nothing is saved; what you typed stays where you typed it.

The caller builds the :class:`Conflict` (the fields in its own words, e.g.
``ui/followup/follow_up_conflict.py``) and acts on the choice: the dialog itself never saves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from promises_app.services.records import LastChange
from promises_app.ui.common.dialog_heading import heading_label
from promises_app.ui.common.formatting import fill

#: How tall the table of fields may grow before it scrolls (in lines of text).
MOST_LINES = 24
#: A changed field's row, so the eye finds what differs.
DIFFERS_STYLE = "background-color: #fff3cd;"


class Choice(Enum):
    THEIRS = "theirs"
    MINE = "mine"
    CANCEL = "cancel"


@dataclass(frozen=True)
class ConflictField:
    """One field as the person sees it: its caption, their value and yours, as text."""

    label: str
    theirs: str
    mine: str

    @property
    def differs(self) -> bool:
        return self.theirs != self.mine


@dataclass(frozen=True)
class Conflict:
    """What the dialog shows: the row in words, its fields, and who saved theirs when."""

    #: The row in words, definite form: "Uppföljningen av «Trygghetsvandringar» för 2026-T4".
    what: str
    fields: tuple[ConflictField, ...]
    last_change: LastChange | None = None
    #: Their version is no row at all (deleted, or a follow-up taken away).
    gone: bool = False
    #: Yours is no row at all (an undo that takes away what it had added).
    mine_gone: bool = False
    #: Yours is what an undo or redo would write (not something typed just now).
    step: bool = False


def _note(text: str) -> QLabel:
    note = QLabel(text)
    note.setStyleSheet("color: #555555;")
    note.setWordWrap(True)
    note.setTextFormat(Qt.TextFormat.PlainText)
    return note


def when_text(at: str) -> str:
    """The change log's UTC time ("2026-12-07T20:41:03Z") in local time: "2026-12-07 21:41"."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class ConflictDialog(QDialog):
    """Theirs beside yours, and Ta deras / Behåll mitt / Avbryt (window-modal; never saves).

    ``chosen(Choice)`` is emitted once when the person picks (Esc and the close button are
    Avbryt); :attr:`choice` holds it afterwards."""

    chosen = Signal(object)

    def __init__(self, conflict: Conflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.choice: Choice | None = None
        self.setWindowTitle(self.tr("Someone else saved it"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(620)

        heading = heading_label(fill(
            self.tr("%1 has been changed by someone else since you saved it.") if conflict.step
            else self.tr("%1 was saved by someone else while you were editing it."), conflict.what))
        change = conflict.last_change
        if conflict.gone:
            who = self.tr("It has been removed since you read it.")
        elif change is not None:
            who = fill(self.tr("Their version was saved by %1 on %2."), change.account, when_text(change.at))
        else:
            who = self.tr("The change log does not say who saved their version.")
        self.who_label = _note(who)
        self.who_label.setObjectName("who")

        table = QWidget()
        grid = QGridLayout(table)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        for column, text in enumerate(("", self.tr("Theirs (saved now)"), self.tr("Yours"))):
            caption = QLabel(text)
            font = caption.font()
            font.setBold(True)
            caption.setFont(font)
            grid.addWidget(caption, 0, column)
        self.value_labels: list[tuple[QLabel, QLabel]] = []
        gone_text = self.tr("(removed)")
        for row, field in enumerate(conflict.fields, start=1):
            name = QLabel(field.label)
            name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            theirs = self._value(gone_text if conflict.gone else field.theirs)
            mine = self._value(gone_text if conflict.mine_gone else field.mine)
            if field.differs or conflict.gone or conflict.mine_gone:
                for widget in (name, theirs, mine):
                    widget.setStyleSheet(DIFFERS_STYLE)
            grid.addWidget(name, row, 0)
            grid.addWidget(theirs, row, 1)
            grid.addWidget(mine, row, 2)
            self.value_labels.append((theirs, mine))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidget(table)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(min(table.sizeHint().height() + 4, MOST_LINES * self.fontMetrics().lineSpacing()))

        explain = _note(self.tr(
            "Take theirs: their values stay; the step leaves the undo history.\n"
            "Keep mine: the step is done over theirs.\n"
            "Cancel: nothing changes; the step stays to be done later.") if conflict.step else self.tr(
            "Take theirs: their values are shown; nothing is saved.\n"
            "Keep mine: what you typed is saved over theirs (one step to undo).\n"
            "Cancel: nothing is saved; what you typed stays."))

        buttons = QDialogButtonBox()
        self.theirs_button = QPushButton(self.tr("&Take theirs"))
        self.theirs_button.setToolTip(self.tr("Show their values; nothing is saved"))
        self.mine_button = QPushButton(self.tr("&Keep mine"))
        self.mine_button.setToolTip(self.tr("Save what you typed over their values"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Save nothing; what you typed stays"))
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.theirs_button.clicked.connect(lambda _checked=False: self.pick(Choice.THEIRS))
        self.mine_button.clicked.connect(lambda _checked=False: self.pick(Choice.MINE))
        self.cancel_button.clicked.connect(lambda _checked=False: self.pick(Choice.CANCEL))
        self.cancel_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.who_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(explain)
        layout.addWidget(buttons)
        self.finished.connect(lambda _result: self.deleteLater())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.cancel_button.setFocus()  # Enter never overwrites anybody by accident

    def _value(self, text: str) -> QLabel:
        value = QLabel(text if text else self.tr("(empty)"))
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setWordWrap(True)
        value.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # copy what you typed
        return value

    def pick(self, choice: Choice) -> None:
        """The person chose: say so once, and close."""
        if self.choice is not None:
            return
        self.choice = choice
        self.chosen.emit(choice)
        if choice is Choice.CANCEL:
            super().reject()
        else:
            self.accept()

    def reject(self) -> None:
        """Esc or the close button: Avbryt."""
        self.pick(Choice.CANCEL)


def ask(conflict: Conflict, parent: QWidget | None) -> Choice:
    """Show the dialog and wait for the choice (an undo, which must decide before it returns)."""
    dialog = ConflictDialog(conflict, parent)
    dialog.exec()
    return dialog.choice or Choice.CANCEL
