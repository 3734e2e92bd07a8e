"""The lägesbild's forms: a source, a safety walk, a finding, and making a finding into a measure.

Each is a :class:`~promises_app.ui.situation.indicator_dialogs.RecordForm`: ``save(values)`` does the user
action through the services; a refused save shows its message at the field and keeps what was
typed. Making a finding into a measure on a signed agreement is refused by the services
(``SignedRecordError``): its message, which says to start a new revision, is shown in a message
box and nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QWidget

from promises_app.domain.enums import FindingStatus
from promises_app.domain.findings import CoordinatesError, format_coordinates, parse_coordinates
from promises_app.services.base import FieldValues
from promises_app.services.errors import FieldError, ValidationError
from promises_app.services.records import (
    OrganisationRecord,
    PromiseRecord,
    SafetyWalkRecord,
    SituationSourceRecord,
    WalkFindingRecord,
)
from promises_app.ui.common.date_input import DateInput, read_dates
from promises_app.ui.common.forms import RecordForm, note_label, plain_text_edit
from promises_app.ui.common.labels import label

#: A measure's title is at most this long (domain.validation.TITLE_MAX).
TITLE_MAX = 300


class SourceForm(RecordForm):
    """A source of the agreement's lägesbild ("Polisens trygghetsmätning 2021")."""

    def __init__(self, save: Callable[[FieldValues], Any], initial: SituationSourceRecord | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Change source") if initial else self.tr("New source"))
        self.text_edit = QLineEdit(initial.text if initial else "")
        self.text_edit.setPlaceholderText(self.tr("e.g. The Police's safety survey 2021"))
        self.add_field("text", self.tr("&Source:"), self.text_edit)

    def values(self) -> FieldValues:
        return {"text": self.text_edit.text()}


class WalkForm(RecordForm):
    """A safety walk: when, where and who took part."""

    def __init__(self, save: Callable[[FieldValues], Any], initial: SafetyWalkRecord | None = None,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Change safety walk") if initial else self.tr("New safety walk"))
        day = initial.walked_on if initial else (today or date.today())
        self.date_edit = DateInput(day)
        self.place_edit = QLineEdit(initial.place if initial else "")
        self.place_edit.setPlaceholderText(self.tr("e.g. Hagalund centre"))
        self.participants_edit = plain_text_edit(initial.participants if initial else "")
        self.participants_edit.setPlaceholderText(self.tr("Who took part, one per line"))
        self.add_field("walked_on", self.tr("&Date:"), self.date_edit)
        self.add_field("place", self.tr("&Place:"), self.place_edit)
        self.add_field("participants", self.tr("P&articipants:"), self.participants_edit)

    def values(self) -> FieldValues:
        return {
            **read_dates({"walked_on": self.date_edit}),
            "place": self.place_edit.text(),
            "participants": self.participants_edit.toPlainText(),
        }


class FindingForm(RecordForm):
    """Something found on a safety walk (a dark path, a broken lamp, a place that feels unsafe),
    followed to the end: where it is, who owns it, whether it was dealt with (åtgärdad) or
    declined (avböjd, with the reason) and when, and optionally where it is on a map.

    The date is asked for only once the finding is dealt with or declined, the reason only when
    it is declined. Coordinates are one field, "57.70, 11.97" or "57,70 11,97"
    (domain/findings.py); text that is not two numbers is refused at the field before the
    services are asked, and the services' range messages (latitude, longitude) are shown there too.
    """

    def __init__(self, save: Callable[[FieldValues], Any], initial: WalkFindingRecord | None = None,
                 owners: Sequence[OrganisationRecord] = (), today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Change finding") if initial else self.tr("New finding"))
        self.text_edit = plain_text_edit(initial.text if initial else "", lines=4)
        self.text_edit.setPlaceholderText(self.tr("What was found"))
        self.place_edit = QLineEdit(initial.place if initial else "")
        self.place_edit.setPlaceholderText(self.tr("e.g. The footpath by Hagalund park"))
        self.owner_combo = QComboBox()
        self.owner_combo.addItem(self.tr("(no owner)"), None)
        for owner in owners:
            self.owner_combo.addItem(owner.name, owner.id)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(initial.owner_id if initial else None)))
        self.owner_combo.setMinimumContentsLength(30)
        self.owner_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_combo = QComboBox()
        for status in FindingStatus:
            self.status_combo.addItem(label(status), status.value)
        self.status_combo.setCurrentIndex(
            self.status_combo.findData((initial.status if initial else FindingStatus.OPEN).value)
        )
        self.dealt_edit = DateInput(initial.dealt_on if initial and initial.dealt_on else (today or date.today()))
        self.reason_edit = plain_text_edit(initial.reason if initial else "", lines=2)
        self.reason_edit.setPlaceholderText(self.tr("Why the finding was declined"))
        self.coordinates_edit = QLineEdit(
            format_coordinates(initial.latitude, initial.longitude) if initial else ""
        )
        self.coordinates_edit.setPlaceholderText(self.tr("e.g. 57.70, 11.97 or 57,70 11,97"))
        self.coordinates_edit.setToolTip(self.tr(
            "Latitude and longitude in WGS84 decimal degrees, as map sites show them. Leave empty if not known."
        ))
        self.add_field("text", self.tr("&Finding:"), self.text_edit)
        self.add_field("place", self.tr("&Place:"), self.place_edit)
        self.add_field("owner_id", self.tr("&Owner:"), self.owner_combo)
        self.add_field("status", self.tr("S&tatus:"), self.status_combo)
        self.add_field("dealt_on", self.tr("&Dealt with on:"), self.dealt_edit)
        self.add_field("reason", self.tr("&Reason:"), self.reason_edit)
        self.add_field("coordinates", self.tr("&Coordinates:"), self.coordinates_edit, also=("latitude", "longitude"))
        self.status_combo.currentIndexChanged.connect(lambda _index: self._status_changed())
        self._status_changed()

    def status(self) -> FindingStatus:
        return FindingStatus(self.status_combo.currentData())

    def _status_changed(self) -> None:
        status = self.status()
        self.dealt_edit.setEnabled(status is not FindingStatus.OPEN)
        self.reason_edit.setEnabled(status is FindingStatus.DECLINED)

    def values(self) -> FieldValues:
        status = self.status()
        try:
            coordinates = parse_coordinates(self.coordinates_edit.text())
        except CoordinatesError as error:
            raise ValidationError([FieldError("coordinates", str(error))]) from error
        dealt_on = read_dates({"dealt_on": self.dealt_edit})["dealt_on"] if status is not FindingStatus.OPEN else None
        return {
            "text": self.text_edit.toPlainText(),
            "place": self.place_edit.text(),
            "owner_id": self.owner_combo.currentData(),
            "status": status,
            "dealt_on": dealt_on,
            "reason": self.reason_edit.toPlainText() if status is FindingStatus.DECLINED else "",
            "latitude": coordinates[0] if coordinates else None,
            "longitude": coordinates[1] if coordinates else None,
        }


def first_line(text: str) -> str:
    """The title a measure made from ``text`` gets unless the person writes another."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= TITLE_MAX else line[: TITLE_MAX - 1].rstrip() + "…"


class MakeMeasureDialog(RecordForm):
    """"Gör till åtgärd": the promise the measure belongs to and its title (prefilled).

    ``save(values)`` gets ``promise_id`` and ``title``. A signed agreement refuses (its plan is
    locked): the message is shown in a message box and the dialog closes; nothing changed.
    """

    def __init__(self, save: Callable[[FieldValues], Any], finding: WalkFindingRecord,
                 promises: list[PromiseRecord], parent: QWidget | None = None) -> None:
        super().__init__(save, parent)
        self.setWindowTitle(self.tr("Make into measure"))
        self.refusal: str | None = None
        finding_label = QLabel(finding.text)
        finding_label.setWordWrap(True)
        finding_label.setTextFormat(Qt.TextFormat.PlainText)
        finding_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(note_label(self.tr("Finding:")))
        self.body.addWidget(finding_label)
        self.promise_combo = QComboBox()
        for index, promise in enumerate(promises):
            self.promise_combo.addItem(promise.text, promise.id)
            self.promise_combo.setItemData(index, promise.text, Qt.ItemDataRole.ToolTipRole)
        self.promise_combo.setMinimumContentsLength(40)
        self.promise_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.title_edit = QLineEdit(first_line(finding.text))
        self.title_edit.setCursorPosition(0)  # the start of a long title in view
        self.setMinimumWidth(640)
        self.add_field("promise_id", self.tr("&Promise:"), self.promise_combo)
        self.add_field("title", self.tr("&Title of the measure:"), self.title_edit)
        self.body.addWidget(note_label(self.tr(
            "The finding's text becomes the measure's description and the problem it addresses."
        )))
        self.save_button.setText(self.tr("&Make measure"))

    def values(self) -> FieldValues:
        if self.promise_combo.currentData() is None:
            raise ValidationError([FieldError(
                "promise_id",
                self.tr("The agreement has no promises yet: add the promise the measure belongs to first."),
            )])
        return {"promise_id": self.promise_combo.currentData(), "title": self.title_edit.text()}

    def refused(self, message: str) -> None:
        self.refusal = message
        QMessageBox.warning(self, self.tr("Make into measure"), message)
        self.reject()
