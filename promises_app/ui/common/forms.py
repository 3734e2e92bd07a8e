"""What every record form shares: the form with fields and error labels under each, and its
labels (moved here from the lägesbild's dialogs; the plan, the parties and the walks use it too).

Two habits every form keeps (issue 16, point 6), here once rather than per dialog:

- **Work is not thrown away.** Closing a form with changes not saved (Esc, the window's close
  button, Avbryt) asks "Spara ändringarna?" (Spara / Spara inte / Avbryt): :class:`UnsavedWork`
  compares what the fields hold with what they held when the form was shown.
- **Someone else's save is shown, not overwritten.** A form whose save passes the version it was
  opened at (``expected_version``) and that can say its fields in words (``conflict_of``) shows
  the conflict dialog when the save is refused because someone else saved the row meanwhile:
  Ta deras loads theirs into the form (``show_record``), Behåll mitt saves what the form holds
  over theirs, Avbryt keeps what was typed; nothing is saved but by Behåll mitt.
- **A message goes when it stops being true.** A field's error disappears as soon as that
  field is changed (:func:`clear_errors_on_edit`); fields that are checked together (a start
  and an end date) clear each other's. The next save checks everything again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.errors import AppError
from promises_app.services.base import FieldValues
from promises_app.services.errors import (
    ConflictError,
    FieldError,
    SignedRecordError,
    ValidationError,
)
from promises_app.services.records import RowNow
from promises_app.ui.common.conflict_dialog import Choice, Conflict, ConflictDialog
from promises_app.ui.common.dialog_heading import heading_label as heading_label  # where the dialogs import it from

ERROR_STYLE = "color: #b71c1c;"
NOTE_STYLE = "color: #555555;"


def error_label() -> QLabel:
    error = QLabel()
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    error.setTextFormat(Qt.TextFormat.PlainText)
    error.setVisible(False)
    return error


def note_label(text: str) -> QLabel:
    note = QLabel(text)
    note.setStyleSheet(NOTE_STYLE)
    note.setWordWrap(True)
    note.setTextFormat(Qt.TextFormat.PlainText)
    return note


def text_of(widget: QLineEdit | QPlainTextEdit) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def plain_text_edit(text: str = "", lines: int = 3) -> QPlainTextEdit:
    """A multi-line field where Tab moves on (so the form's tab order works)."""
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * lines * 2 + 12)
    return edit


#: The dynamic property that keeps a part of a form out of its unsaved-work check (a part that
#: saves on its own, like a counted measure's occurrence log).
OUTSIDE_FORM = "outsideForm"

#: Fields a service checks together: a change to one clears the errors of all of them.
LINKED_FIELDS: tuple[tuple[str, ...], ...] = (
    ("start_date", "end_date"),
    ("start_date", "deadline"),
    ("start_date", "end_date", "deadline"),
)


def _outside_form(widget: QWidget, form: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None and current is not form:
        # a part marked so, the question itself, or another form opened over this one ("Ny person…")
        if current.property(OUTSIDE_FORM) or current.isWindow():
            return True
        current = current.parentWidget()
    return False


def _widget_state(widget: QWidget) -> object:
    """What one editor holds (None: not an editor)."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    if isinstance(widget, QListWidget):
        return tuple((widget.item(i).text(), widget.item(i).checkState().value) for i in range(widget.count()))
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        return tuple(model.index(row, 0).data() for row in range(model.rowCount()))
    return None


def form_state(form: QWidget) -> tuple[object, ...]:
    """Everything the editors of ``form`` hold, in a fixed order: equal states, nothing changed."""
    return tuple(
        (widget.objectName(), type(widget).__name__, state)
        for widget in form.findChildren(QWidget)
        if not _outside_form(widget, form) and (state := _widget_state(widget)) is not None
    )


class UnsavedWork:
    """Asks before a form with unsaved changes closes: "Spara ändringarna?" (Spara / Spara inte / Avbryt).

    The form calls :meth:`remember` once its fields are filled (when it is first shown) and, in its
    ``reject()``, :meth:`holds_changes` before closing: when it does, :meth:`ask` opens the question
    (window-modal, not blocking) and the form stays open. Spara runs ``save`` (the form closes only if
    the save succeeds, else its errors show); Spara inte runs ``discard`` (closes without saving);
    Avbryt goes back to the form.
    """

    def __init__(self, form: QDialog, save: Callable[[], None], discard: Callable[[], None]) -> None:
        self.form = form
        self._save = save
        self._discard = discard
        self._kept: tuple[object, ...] | None = None
        self.question: QMessageBox | None = None
        self.enabled = True

    def remember(self) -> None:
        """What the form holds now is what "no changes" means."""
        self._kept = form_state(self.form)

    def remember_once(self) -> None:
        """:meth:`remember`, unless done already (a form shown again keeps its first state)."""
        if self._kept is None:
            self.remember()

    def holds_changes(self) -> bool:
        return self.enabled and self._kept is not None and form_state(self.form) != self._kept

    def ask(self) -> QMessageBox:
        """Open the question; what is clicked decides (see the class)."""
        if self.question is not None:
            return self.question
        question = QMessageBox(self.form)
        question.setIcon(QMessageBox.Icon.Question)
        question.setWindowTitle(self.form.windowTitle())
        question.setText(QCoreApplication.translate("UnsavedWork", "Save the changes?"))
        question.setInformativeText(
            QCoreApplication.translate("UnsavedWork", "The form holds changes that are not saved."))
        save = question.addButton(QMessageBox.StandardButton.Save)
        save.setText(QCoreApplication.translate("UnsavedWork", "&Save"))
        discard = question.addButton(QMessageBox.StandardButton.Discard)
        discard.setText(QCoreApplication.translate("UnsavedWork", "&Don't save"))
        cancel = question.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("UnsavedWork", "Cancel"))
        question.setDefaultButton(save)
        question.setEscapeButton(cancel)

        def answered(button: QAbstractButton) -> None:
            self.question = None
            if button is save:
                self._save()
            elif button is discard:
                self._discard()

        question.buttonClicked.connect(answered)
        question.finished.connect(lambda _result: question.deleteLater())
        self.question = question
        question.open()
        return question


def _editors(widget: QWidget) -> list[QWidget]:
    return [widget, *widget.findChildren(QWidget)]


def on_edit(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever the person changes what ``widget`` (or an editor inside it) holds."""
    for editor in _editors(widget):
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _text: callback())
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(callback)
        elif isinstance(editor, QComboBox):
            editor.activated.connect(lambda _index: callback())
        elif isinstance(editor, QAbstractSpinBox) and hasattr(editor, "valueChanged"):
            editor.valueChanged.connect(lambda _value: callback())
        elif isinstance(editor, QAbstractButton) and editor.isCheckable():
            editor.toggled.connect(lambda _checked: callback())
        elif isinstance(editor, QListWidget):
            editor.itemChanged.connect(lambda _item: callback())


def clear_errors_on_edit(
    field_widgets: dict[str, QWidget],
    field_errors: dict[str, QLabel],
    linked: tuple[tuple[str, ...], ...] = LINKED_FIELDS,
) -> None:
    """A field's error disappears as soon as the field is changed (with the errors of the fields
    checked together with it): a message never stays after the person has acted on it."""
    for field, widget in field_widgets.items():
        group = {field}.union(*(set(names) for names in linked if field in names))

        def clear(group: set[str] = group) -> None:
            for name in group:
                error = field_errors.get(name)
                if error is not None and error.isVisible():
                    error.clear()
                    error.setVisible(False)

        on_edit(widget, clear)


def save_key(dialog: QDialog, save_button: QAbstractButton) -> QShortcut:
    """Ctrl+S in ``dialog`` presses its Save button, as in Word and Excel (the window's own Ctrl+S
    only says that edits are saved as they are made). Nothing happens while the button is disabled."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), dialog)
    shortcut.setObjectName("save-key")
    shortcut.activated.connect(save_button.click)
    save_button.setToolTip(QCoreApplication.translate("RecordForm", "Save (%1)").replace(
        "%1", shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)))
    return shortcut


class RecordForm(QDialog):
    """A form for one record. ``save(values)`` does the user action and returns what was saved, or raises.

    Subclasses add their fields with :meth:`add_field` (caption, widget, and the error label
    under it, in tab order) and say what was typed in :meth:`values`. Closing it with unsaved
    changes asks first (:class:`UnsavedWork`); :meth:`discard` closes without asking.
    """

    def __init__(self, save: Callable[[FieldValues], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.saved: Any = None
        #: The version of the row a save expects to replace (the caller's ``save`` passes it on);
        #: after a conflict, the version saved now. None: the form makes a new row.
        self.expected_version: int | None = None
        #: The record the save replaces: the one the form opened with, or theirs after a conflict
        #: (what the undo step puts back). None until a conflict when the caller keeps its own.
        self.replaced: Any = None
        #: The conflict dialog while it is open.
        self.conflict_dialog: ConflictDialog | None = None
        self.setMinimumWidth(520)
        self.banner = error_label()
        self.form_layout = QFormLayout()
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.field_errors: dict[str, QLabel] = {}
        self.field_widgets: dict[str, QWidget] = {}
        self._focus_chain: list[QWidget] = []
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(QCoreApplication.translate("RecordForm", "&Save"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(QCoreApplication.translate("RecordForm", "Cancel"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        save_key(self, self.save_button)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.body)
        layout.addLayout(self.form_layout)
        layout.addWidget(self.buttons)
        self.finished.connect(lambda _result: self.deleteLater())
        self.unsaved = UnsavedWork(self, self.try_save, self.discard)

    def reject(self) -> None:
        """Esc, the close button, Avbryt: ask first when something typed is not saved."""
        if self.unsaved.holds_changes():
            self.unsaved.ask()
            return
        super().reject()

    def discard(self) -> None:
        """Close without saving and without asking."""
        super().reject()

    def add_field(self, field: str, caption: str, widget: QWidget, *, also: tuple[str, ...] = ()) -> QWidget:
        """A row of the form: ``caption`` (with its & key) for ``widget``, errors for ``field`` (and
        ``also``) under it. Rows are tabbed through in the order they are added."""
        error = error_label()
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        caption_label = QLabel(caption)
        caption_label.setBuddy(widget)
        self.form_layout.addRow(caption_label, column)
        if not widget.accessibleName():
            widget.setAccessibleName(caption.replace("&", "").rstrip(":"))
        for name in (field, *also):
            self.field_errors[name] = error
        self.field_widgets[field] = widget
        self._chain(widget)
        clear_errors_on_edit({field: widget}, self.field_errors)
        return widget

    def _chain(self, widget: QWidget) -> None:
        if self._focus_chain:
            QWidget.setTabOrder(self._focus_chain[-1], widget)
        self._focus_chain.append(widget)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self._focus_chain:
            QWidget.setTabOrder(self._focus_chain[-1], self.save_button)
            QWidget.setTabOrder(self.save_button, self.cancel_button)
            first = next((w for w in self._focus_chain if w.isEnabled()), None)
            if first is not None and self.focusWidget() is None:
                first.setFocus()
        super().showEvent(event)
        self.unsaved.remember_once()

    def values(self) -> FieldValues:  # pragma: no cover - every form overrides it
        raise NotImplementedError

    def clear_errors(self) -> None:
        clear_field_errors(self.banner, self.field_errors)

    def show_errors(self, errors: tuple[FieldError, ...] | list[FieldError]) -> None:
        put_field_errors(self.banner, self.field_errors, errors)
        first = next((e.field for e in errors if e.field in self.field_widgets), None)
        if first is not None:
            self.field_widgets[first].setFocus()
        self.adjustSize()  # room for the messages, nothing cut off

    def show_banner(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.setVisible(True)
        self.adjustSize()

    def try_save(self) -> None:
        if self.store():
            self.accept()

    def store(self) -> bool:
        """Save what the form holds (``saved`` is the result); False, with the messages shown, when refused."""
        self.clear_errors()
        values: FieldValues = {}
        try:
            values = self.values()
            self.saved = self._save(values)
        except ValidationError as error:
            self.show_errors(error.errors)
            return False
        except SignedRecordError as error:
            self.refused(str(error))
            return False
        except ConflictError as error:
            conflict = self.conflict_of(error.now, values) if error.now is not None else None
            if conflict is None or error.now is None:
                self.show_banner(str(error))
            else:
                self._ask(conflict, error.now)
            return False
        except AppError as error:
            self.show_banner(str(error))
            return False
        return True

    # --- someone else saved the row meanwhile (ui/common/conflict_dialog.py) --------------------------
    def conflict_of(self, now: RowNow, typed: FieldValues) -> Conflict | None:
        """The dialog's content: ``now.record`` (theirs) beside ``typed``, in the form's words.
        None (the default): the refusal is said in the banner only."""
        return None

    def show_record(self, record: Any) -> None:
        """Ta deras: the form's fields hold ``record`` (a form with ``conflict_of`` fills them)."""

    def _ask(self, conflict: Conflict, now: RowNow) -> None:
        dialog = ConflictDialog(conflict, self)
        self.conflict_dialog = dialog
        dialog.chosen.connect(lambda choice: self._resolved(choice, now))
        dialog.open()

    def _resolved(self, choice: Choice, now: RowNow) -> None:
        self.conflict_dialog = None
        if choice is Choice.CANCEL:  # what was typed stays; the next Save asks again
            self.show_banner(QCoreApplication.translate(
                "RecordForm", "Nothing was saved; what you typed is still in the form."))
            return
        # Either way the next save replaces their version (which the undo step then puts back).
        self.expected_version = now.version
        self.replaced = now.record
        if choice is Choice.MINE:
            self.try_save()
            return
        if now.record is not None:
            self.show_record(now.record)
            self.unsaved.remember()
        self.show_banner(QCoreApplication.translate(
            "RecordForm", "Their version is in the form now; nothing was saved."))

    def refused(self, message: str) -> None:
        """The agreement is signed and its plan locked: by default said above the fields."""
        self.show_banner(message)


def clear_field_errors(banner: QLabel, field_errors: dict[str, QLabel]) -> None:
    """Empty and hide the banner and every field's error line."""
    for error in {id(e): e for e in [banner, *field_errors.values()]}.values():
        error.clear()
        error.setVisible(False)


def put_field_errors(
    banner: QLabel,
    field_errors: dict[str, QLabel],
    errors: Iterable[FieldError],
    *,
    renamed: dict[str, str] | None = None,
) -> None:
    """Show each message under its field (``renamed``: a service's field name → the form's), or in
    the banner when the form has no such field; messages for one field are kept one per line."""
    for field_error in errors:
        field = (renamed or {}).get(field_error.field, field_error.field)
        target = field_errors.get(field, banner)
        target.setText("\n".join(filter(None, [target.text(), field_error.message])))
        target.setVisible(True)
