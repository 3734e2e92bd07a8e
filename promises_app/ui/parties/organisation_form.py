"""The form for one organisation. A refused save shows why at the field and keeps what was typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.enums import OrganisationKind
from promises_app.domain.errors import AppError
from promises_app.services.base import FieldValues
from promises_app.services.errors import ValidationError
from promises_app.services.records import OrganisationRecord
from promises_app.ui.common.forms import ERROR_STYLE, save_key
from promises_app.ui.common.labels import label


class OrganisationForm(QDialog):
    """``save(values)`` does the user action and returns the saved record, or raises."""

    def __init__(
        self,
        save: Callable[[FieldValues], OrganisationRecord],
        initial: OrganisationRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.saved: OrganisationRecord | None = None
        self.setWindowTitle(self.tr("Change organisation") if initial else self.tr("New organisation"))
        self.setMinimumWidth(480)
        self.name_edit = QLineEdit(initial.name if initial else "")
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        for kind in OrganisationKind:
            self.kind_combo.addItem(label(kind), kind.value)
        if initial:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(initial.kind.value))
        self.short_name_edit = QLineEdit(initial.short_name if initial else "")
        self.short_name_edit.setAccessibleName(self.tr("Short name"))

        self.banner = self._error_label()
        self.field_errors = {name: self._error_label() for name in ("name", "kind", "short_name")}
        form = QFormLayout()
        for field, text, widget in (
            ("name", self.tr("&Name:"), self.name_edit),
            ("kind", self.tr("&Kind:"), self.kind_combo),
            ("short_name", self.tr("&Short name:"), self.short_name_edit),
        ):
            column = QVBoxLayout()
            column.addWidget(widget)
            column.addWidget(self.field_errors[field])
            caption = QLabel(text)
            caption.setBuddy(widget)
            form.addRow(caption, column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        save_key(self, self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setTabOrder(self.name_edit, self.kind_combo)
        self.setTabOrder(self.kind_combo, self.short_name_edit)

    def _error_label(self) -> QLabel:
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setVisible(False)
        return error

    def values(self) -> FieldValues:
        return {
            "name": self.name_edit.text(),
            "kind": self.kind_combo.currentData(),
            "short_name": self.short_name_edit.text(),
        }

    def try_save(self) -> None:
        for error_label in [self.banner, *self.field_errors.values()]:
            error_label.clear()
            error_label.setVisible(False)
        try:
            self.saved = self._save(self.values())
        except ValidationError as error:
            for field_error in error.errors:
                target = self.field_errors.get(field_error.field, self.banner)
                target.setText("\n".join(filter(None, [target.text(), field_error.message])))
                target.setVisible(True)
            self.adjustSize()  # room for the messages, nothing cut off
            first = next((f.field for f in error.errors if f.field in self.field_errors), None)
            if first == "name":
                self.name_edit.setFocus()
            elif first == "short_name":
                self.short_name_edit.setFocus()
            return
        except AppError as error:
            self.banner.setText(str(error))
            self.banner.setVisible(True)
            self.adjustSize()
            return
        self.accept()
