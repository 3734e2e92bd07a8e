"""The compact editor of one follow-up: status, traffic light, count (counted measures), comment.

A refused save shows why at the field or above the form, and what was typed stays. When someone
else saved the follow-up meanwhile, the conflict dialog shows theirs beside what was typed
(Ta deras / Behåll mitt / Avbryt, ``ui/common/conflict_dialog.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.counts import CountSource, PeriodCount
from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.domain.errors import AppError
from promises_app.services.base import FieldValues
from promises_app.services.errors import ConflictError, ValidationError
from promises_app.services.records import FollowUpRecord, MeasureRecord
from promises_app.ui.common.conflict_dialog import Choice, ConflictDialog
from promises_app.ui.common.count_words import count_line
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.forms import UnsavedWork, clear_errors_on_edit
from promises_app.ui.common.labels import label
from promises_app.ui.followup.follow_up_conflict import follow_up_conflict
from promises_app.ui.followup.followup_grid_model import LIGHT_COLOURS

ERROR_STYLE = "color: #b71c1c;"
FIELDS = ("status", "light", "count_achieved", "comment")

#: save(values, expected_version) → the saved record; raises ValidationError or ServiceError.
Save = Callable[[FieldValues, int], FollowUpRecord]
#: Asked after a conflict: the follow-up as it is now (None: there is none).
Reload = Callable[[], FollowUpRecord | None]
#: The period's count (domain/counts.py) were this running total typed: the summary under the field.
CountFor = Callable[[int | None], PeriodCount | None]


def light_icon(light: TrafficLight) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(LIGHT_COLOURS[light]))
    return QIcon(pixmap)


class FollowUpEditor(QDialog):
    def __init__(
        self,
        measure: MeasureRecord,
        period: str,
        current: FollowUpRecord | None,
        save: Save,
        reload: Reload | None = None,
        parent: QWidget | None = None,
        count_for: CountFor | None = None,
    ) -> None:
        super().__init__(parent)
        self._count_for = count_for
        self._save = save
        self._reload = reload
        self.measure = measure
        self.period = period
        #: The follow-up a save replaces (None: there is none), and its version.
        self.base = current
        self.expected_version = current.version if current is not None else 0
        self.saved: FollowUpRecord | None = None
        #: The conflict dialog while it is open (someone else saved this follow-up meanwhile).
        self.conflict_dialog: ConflictDialog | None = None
        self.setWindowTitle(fill(self.tr("Follow-up %1"), period))
        self.setMinimumWidth(460)

        heading = QLabel(measure.title)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Status"))
        for status in FollowUpStatus:
            self.status_combo.addItem(label(status), status.value)
        self.light_combo = QComboBox()
        self.light_combo.setAccessibleName(self.tr("Traffic light"))
        for light in TrafficLight:
            self.light_combo.addItem(light_icon(light), label(light), light.value)
        self.counted = measure.target_count is not None
        self.count_edit = QLineEdit()
        self.count_edit.setAccessibleName(self.tr("Achieved (count)"))
        # "av 4 trygghetsvandringar" beside the field, so the target stays in sight while typing
        self.target_label = QLabel(
            fill(self.tr("of %1 %2"), measure.target_count, measure.target_unit).strip() if self.counted else ""
        )
        self.target_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_edit.setAccessibleDescription(self.target_label.text())
        self.count_edit.setMaximumWidth(8 * self.fontMetrics().horizontalAdvance("M"))
        # "hittills 3 av 12, denna period 1 (inskrivet)" as the count rule reads what is typed
        # (domain/counts.py): logged occurrences of the period win over it, and it says so.
        self.count_summary = QLabel()
        self.count_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.count_summary.setWordWrap(True)
        self.count_edit.textChanged.connect(self._update_count_summary)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setAccessibleName(self.tr("Comment"))
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setMinimumHeight(5 * self.fontMetrics().lineSpacing())
        self._show(current)

        self.banner = self._error_label()
        self.field_errors = {name: self._error_label() for name in FIELDS}
        form = QFormLayout()
        rows: list[tuple[str, str, QWidget]] = [
            ("status", self.tr("&Status:"), self.status_combo),
            ("light", self.tr("&Traffic light:"), self.light_combo),
        ]
        if self.counted:
            rows.append(("count_achieved", self.tr("&Achieved so far:"), self.count_edit))
        rows.append(("comment", self.tr("&Comment:"), self.comment_edit))
        for field, text, widget in rows:
            column = QVBoxLayout()
            if widget is self.count_edit:
                line = QHBoxLayout()
                line.addWidget(self.count_edit)
                line.addWidget(self.target_label, 1)
                column.addLayout(line)
                column.addWidget(self.count_summary)
            else:
                column.addWidget(widget)
            column.addWidget(self.field_errors[field])
            caption = QLabel(text)
            caption.setBuddy(widget)
            form.addRow(caption, column)
        self.count_edit.setVisible(self.counted)
        self.count_summary.setVisible(self.counted and self._count_for is not None)
        self._update_count_summary()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Sa&ve"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S or Ctrl+Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self).activated.connect(self.try_save)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.status_combo, self.light_combo)
        if self.counted:
            QWidget.setTabOrder(self.light_combo, self.count_edit)
            QWidget.setTabOrder(self.count_edit, self.comment_edit)
        else:
            QWidget.setTabOrder(self.light_combo, self.comment_edit)
        self.status_combo.setFocus()
        clear_errors_on_edit(
            {"status": self.status_combo, "light": self.light_combo, "count_achieved": self.count_edit,
             "comment": self.comment_edit}, self.field_errors)
        self.unsaved = UnsavedWork(self, self.try_save, self.discard)
        self.unsaved.remember()

    def reject(self) -> None:
        """Esc, the close button, Avbryt: ask first when something typed is not saved (ui/common/forms.py)."""
        if self.unsaved.holds_changes():
            self.unsaved.ask()
            return
        super().reject()

    def discard(self) -> None:
        """Close without saving and without asking."""
        super().reject()

    def _error_label(self) -> QLabel:
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setVisible(False)
        return error

    def _show(self, record: FollowUpRecord | None) -> None:
        status = record.status if record else FollowUpStatus.IN_PROGRESS
        light = record.light if record else TrafficLight.NOT_ASSESSED
        self.status_combo.setCurrentIndex(self.status_combo.findData(status.value))
        self.light_combo.setCurrentIndex(self.light_combo.findData(light.value))
        count = record.count_achieved if record else None
        self.count_edit.setText("" if count is None else str(count))
        self.comment_edit.setPlainText(record.comment if record else "")

    def _update_count_summary(self, *_args: object) -> None:
        if not self.counted or self._count_for is None:
            return
        typed = self.count_edit.text().strip()
        count = self._count_for(int(typed) if typed.isascii() and typed.isdigit() else None)
        text = count_line(count, self.measure.target_count, self.measure.target_unit)
        if count is not None and count.source is CountSource.LOGGED and typed:
            text += "\n" + self.tr("Occurrences are logged for the period: they count, not the figure typed.")
        self.count_summary.setText(text)
        self.count_summary.setAccessibleName(text)
        self.count_edit.setAccessibleDescription(f"{self.target_label.text()}. {text}")

    def values(self) -> FieldValues:
        typed = self.count_edit.text().strip()
        count: object = None
        if self.counted and typed:
            count = int(typed) if typed.isascii() and typed.isdigit() else typed
        return {
            "status": self.status_combo.currentData(),
            "light": self.light_combo.currentData(),
            "count_achieved": count,
            "comment": self.comment_edit.toPlainText(),
        }

    def _clear_errors(self) -> None:
        for error_label in [self.banner, *self.field_errors.values()]:
            error_label.clear()
            error_label.setVisible(False)

    def _say(self, target: QLabel, message: str) -> None:
        target.setText("\n".join(filter(None, [target.text(), message])))
        target.setVisible(True)

    def try_save(self) -> None:
        self._clear_errors()
        values = self.values()
        try:
            self.saved = self._save(values, self.expected_version)
        except ValidationError as error:
            for field_error in error.errors:
                field = field_error.field
                target = self.field_errors[field] if field in self.field_errors and (
                    field != "count_achieved" or self.counted) else self.banner
                self._say(target, field_error.message)
            first = next((f.field for f in error.errors if f.field in self.field_errors), None)
            focus = {"status": self.status_combo, "light": self.light_combo, "count_achieved": self.count_edit,
                     "comment": self.comment_edit}.get(first or "")
            if focus is not None and focus.isVisible():
                focus.setFocus()
            self.adjustSize()
            return
        except ConflictError as error:
            self._conflict(error, values)
            return
        except AppError as error:
            self._say(self.banner, str(error))
            self.adjustSize()
            return
        self.accept()

    # --- someone else saved it meanwhile (ui/common/conflict_dialog.py) ------------------------------
    def _conflict(self, error: ConflictError, typed: FieldValues) -> None:
        """Their follow-up beside what was typed: Ta deras, Behåll mitt or Avbryt; the form stays open."""
        now = error.now
        reloaded = self._reload() if self._reload is not None else None  # the grid behind shows theirs
        if now is None:  # the service could not say what it is now: the form's older way
            self.base = reloaded
            self.expected_version = reloaded.version if reloaded is not None else 0
            self._say(self.banner, str(error))
            self._say(self.banner, self.tr("Save again to replace it with what you typed."))
            self.adjustSize()
            return
        theirs = now.record if isinstance(now.record, FollowUpRecord) else None
        conflict = follow_up_conflict(self.measure.title, self.period, theirs, typed, counted=self.counted,
                                      last_change=now.last_change)
        dialog = ConflictDialog(conflict, self)
        self.conflict_dialog = dialog
        dialog.chosen.connect(lambda choice: self._resolved(choice, theirs))
        dialog.open()

    def _resolved(self, choice: Choice, theirs: FollowUpRecord | None) -> None:
        self.conflict_dialog = None
        if choice is Choice.CANCEL:  # what was typed stays; the next Save asks again
            self._say(self.banner, self.tr("Nothing was saved; what you typed is still in the form."))
            self.adjustSize()
            return
        # Either way the next save replaces their version (the one undo then puts back).
        self.base = theirs
        self.expected_version = theirs.version if theirs is not None else 0
        if choice is Choice.MINE:
            self.try_save()
            return
        self._show(theirs)
        self.unsaved.remember()
        self._say(self.banner, self.tr("Their version is in the form now; nothing was saved."))
        self.adjustSize()
