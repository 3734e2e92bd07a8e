"""The form for one organisation. A refused save shows why at the field and keeps what was typed.

A :class:`~promises_app.ui.common.forms.RecordForm`, so closing it with unsaved changes asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from promises_app.domain.enums import OrganisationKind
from promises_app.services.base import FieldValues
from promises_app.services.records import OrganisationRecord
from promises_app.ui.common.forms import RecordForm
from promises_app.ui.common.labels import label


class OrganisationForm(RecordForm):
    """``save(values)`` does the user action and returns the saved record, or raises.

    ``kind`` chooses the kind a new organisation starts as (the municipality, say)."""

    saved: Any

    def __init__(
        self,
        save: Callable[[FieldValues], Any],
        initial: OrganisationRecord | None = None,
        parent: QWidget | None = None,
        *,
        kind: OrganisationKind | None = None,
    ) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Change organisation") if initial else self.tr("New organisation"))
        self.setMinimumWidth(480)
        self.name_edit = QLineEdit(initial.name if initial else "")
        self.kind_combo = QComboBox()
        for each in OrganisationKind:
            self.kind_combo.addItem(label(each), each.value)
        chosen = initial.kind if initial else kind
        if chosen is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(chosen.value))
        self.short_name_edit = QLineEdit(initial.short_name if initial else "")
        self.add_field("name", self.tr("&Name:"), self.name_edit)
        self.add_field("kind", self.tr("&Kind:"), self.kind_combo)
        self.add_field("short_name", self.tr("&Short name:"), self.short_name_edit)
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        self.short_name_edit.setAccessibleName(self.tr("Short name"))

    def values(self) -> FieldValues:
        return {
            "name": self.name_edit.text(),
            "kind": self.kind_combo.currentData(),
            "short_name": self.short_name_edit.text(),
        }
