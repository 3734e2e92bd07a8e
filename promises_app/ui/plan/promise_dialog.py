"""The form for one promise (löfte): what is promised, how its text is printed, and who makes the promise.

Like every :class:`~promises_app.ui.situation.indicator_dialogs.RecordForm`, ``save(values)`` does the user
action through the services; a refused save shows its message at the field and keeps what was
typed; one refused because someone else saved the promise meanwhile shows the conflict dialog
(``conflict_of``). (A promise has no focus area of its own: its measures each have one.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QFormLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from promises_app.services.base import FieldValues
from promises_app.services.records import PartyRecord, PromiseRecord, RowNow
from promises_app.ui.common.conflict_dialog import Conflict, ConflictField
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.forms import RecordForm, note_label, plain_text_edit
from promises_app.ui.common.undo_commands import short


class CheckList(QListWidget):
    """A short list of organisations to tick (Space ticks the current one)."""

    def __init__(self, items: Iterable[tuple[str, int]], checked: Iterable[int] = (), parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        chosen = set(checked)
        for text, item_id in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if item_id in chosen else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        rows = max(2, min(self.count(), 5))
        self.setFixedHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 4 if self.count() else 48)

    def checked_ids(self) -> list[int]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def exclude(self, item_id: int | None, reason: str = "") -> None:
        """Untick and disable ``item_id`` (None: every item usable), with ``reason`` as its tooltip."""
        for i in range(self.count()):
            item = self.item(i)
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            if item_id is not None and item.data(Qt.ItemDataRole.UserRole) == item_id:
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable)
                item.setToolTip(reason)
            else:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip("")

    def set_checked(self, item_id: int, checked: bool = True) -> None:
        for i in range(self.count()):
            if self.item(i).data(Qt.ItemDataRole.UserRole) == item_id:
                self.item(i).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class PromiseForm(RecordForm):
    """A new promise, or a change to one: its text, whether that text continues the heading "… lovar
    att" or is printed as written (domain/who_promises.py), a description, who promises."""

    def __init__(self, save: Callable[[FieldValues], Any], parties: Sequence[PartyRecord],
                 initial: PromiseRecord | None = None, parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Change promise") if initial else self.tr("New promise"))
        self.expected_version = initial.version if initial else None
        self.replaced = initial
        self._party_names = {p.organisation_id: p.organisation_name for p in parties}
        self.text_edit = plain_text_edit(initial.text if initial else "", lines=2)
        self.description_edit = plain_text_edit(initial.description if initial else "", lines=3)
        default_makers = [p.organisation_id for p in parties] if initial is None else list(initial.maker_ids)
        self._initial_makers = list(initial.maker_ids) if initial else []
        self.makers_list = CheckList(((p.organisation_name, p.organisation_id) for p in parties), default_makers)
        self.as_written_box = QCheckBox(self.tr("Print the &text as written (not after \"… promise to\")"))
        self.as_written_box.setChecked(initial.as_written if initial else False)
        self.add_field("maker_ids", self.tr("&Who promises:"), self.makers_list)
        self.add_field("as_written", self.tr("Wording:"), self.as_written_box)
        self.add_field("text", self.tr("… &promise to:"), self.text_edit)
        self.text_caption = self._caption_of_last_row()
        self.add_field("description", self.tr("&Description:"), self.description_edit)
        self.body.addWidget(note_label(self.tr(
            "Unticked, the promise continues its heading, e.g. \"The police and the municipality promise to …\" "
            "increase safety in the public space. Ticked, it is printed as written, under a heading that only "
            "groups: \"The police promise\" visible presence at the station on weekend evenings."
        )))
        self.as_written_box.toggled.connect(self._show_wording)
        self._show_wording(self.as_written_box.isChecked())
        # The makers are ticked already (every party, or the promise's): the text is what is typed first.
        self.text_edit.setFocus()

    def _caption_of_last_row(self) -> QLabel:
        item = self.form_layout.itemAt(self.form_layout.rowCount() - 1, QFormLayout.ItemRole.LabelRole)
        caption = item.widget() if item is not None else None
        assert isinstance(caption, QLabel)
        return caption

    def _show_wording(self, as_written: bool) -> None:
        """The text's caption says what the text is: the end of "… lovar att", or the whole promise."""
        caption = self.tr("&Promise:") if as_written else self.tr("… &promise to:")
        self.text_caption.setText(caption)
        self.text_edit.setAccessibleName(caption.replace("&", "").rstrip(":"))
        self.text_edit.setPlaceholderText(
            self.tr("e.g. visible presence at the station on weekend evenings") if as_written
            else self.tr("e.g. increase safety in the public space")
        )

    def conflict_of(self, now: RowNow, typed: FieldValues) -> Conflict | None:
        """The promise saved now beside what the form holds (ui/common/conflict_dialog.py)."""
        theirs = now.record
        if not isinstance(theirs, PromiseRecord):
            return None

        def names(ids: Iterable[int]) -> str:
            return ", ".join(sorted(self._party_names.get(i, str(i)) for i in ids))

        def wording(as_written: object) -> str:
            return self.tr("As written") if as_written else self.tr("After \"… promise to\"")

        return Conflict(
            what=fill(self.tr("The promise «%1»"), short(theirs.text)),
            fields=(
                ConflictField(self.tr("Who promises"), names(theirs.maker_ids), names(typed["maker_ids"])),
                ConflictField(self.tr("Wording"), wording(theirs.as_written), wording(typed["as_written"])),
                ConflictField(self.tr("Text"), theirs.text, str(typed["text"])),
                ConflictField(self.tr("Description"), theirs.description, str(typed["description"])),
            ),
            last_change=now.last_change,
        )

    def show_record(self, record: Any) -> None:
        """Ta deras: the promise as saved now."""
        if not isinstance(record, PromiseRecord):
            return
        for row in range(self.makers_list.count()):
            item_id = self.makers_list.item(row).data(Qt.ItemDataRole.UserRole)
            self.makers_list.set_checked(item_id, item_id in record.maker_ids)
        self._initial_makers = list(record.maker_ids)
        self.as_written_box.setChecked(record.as_written)
        self.text_edit.setPlainText(record.text)
        self.description_edit.setPlainText(record.description)

    def values(self) -> FieldValues:
        return {
            "text": self.text_edit.toPlainText(),
            "as_written": self.as_written_box.isChecked(),
            "description": self.description_edit.toPlainText(),
            "maker_ids": self._in_known_order(self.makers_list.checked_ids()),
        }

    def _in_known_order(self, checked: list[int]) -> list[int]:
        """The makers kept in their saved order (new ones after them), so an unchanged list stays unchanged."""
        kept = [i for i in self._initial_makers if i in checked]
        return kept + [i for i in checked if i not in kept]
