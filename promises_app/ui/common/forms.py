"""What every record form shares: the form with fields and error labels under each, and its
labels (moved here from the lägesbild's dialogs; the plan, the parties and the walks use it too)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.errors import AppError
from promises_app.services.base import FieldValues
from promises_app.services.errors import (
    FieldError,
    SignedRecordError,
    ValidationError,
)

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


def heading_label(text: str) -> QLabel:
    """A dialog's heading (the agreement's title, say): plain text, bold, a little larger, wrapped."""
    heading = QLabel(text)
    heading.setTextFormat(Qt.TextFormat.PlainText)
    heading.setWordWrap(True)
    font = heading.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    heading.setFont(font)
    return heading


def text_of(widget: QLineEdit | QPlainTextEdit) -> str:
    return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()


def plain_text_edit(text: str = "", lines: int = 3) -> QPlainTextEdit:
    """A multi-line field where Tab moves on (so the form's tab order works)."""
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * lines * 2 + 12)
    return edit


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
    under it, in tab order) and say what was typed in :meth:`values`.
    """

    def __init__(self, save: Callable[[FieldValues], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.saved: Any = None
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
        self.clear_errors()
        try:
            self.saved = self._save(self.values())
        except ValidationError as error:
            self.show_errors(error.errors)
            return
        except SignedRecordError as error:
            self.refused(str(error))
            return
        except AppError as error:
            self.show_banner(str(error))
            return
        self.accept()

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
