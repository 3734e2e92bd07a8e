"""Recording the signing of an agreement's draft: place, date, and who was there.

A refused signing (no place, a typed date that is no date or lies in the future, a party nobody
signs for) shows each message under its field and keeps everything typed; nothing is saved and
the dialog stays open. On success the draft is signed revision N, frozen with its fingerprint
and its PDF's checksum.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from promises_app.domain.errors import AppError
from promises_app.services import Services
from promises_app.services.errors import ValidationError
from promises_app.services.records import SignedRevisionRecord
from promises_app.ui.common.date_input import DateInput, read_dates
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.forms import ERROR_STYLE, clear_field_errors, heading_label, put_field_errors

#: The longest place the service accepts (services.signoff.PLACE_MAX).
PLACE_MAX = 200


class SignOffDialog(QDialog):
    """``signed`` holds the new SignedRevisionRecord once the dialog is accepted."""

    def __init__(
        self, services: Services, agreement_id: int, *, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.agreement_id = agreement_id
        self.agreement = services.agreements.get_agreement(agreement_id)
        self.signed: SignedRevisionRecord | None = None
        self.setWindowTitle(self.tr("Sign the agreement"))
        self.setMinimumWidth(560)

        heading = heading_label(self.agreement.title)
        self.explanation = QLabel(
            fill(
                self.tr(
                    "Signing freezes the content of the agreement as signed revision %1, with its "
                    "fingerprint. It cannot be changed afterwards: to change something later, start a new "
                    "revision and sign that. Edits made before the signing can no longer be undone."
                ),
                self.agreement.revision,
            )
        )
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)

        self.place_edit = QLineEdit(self.agreement.signing_place or self.agreement.municipality)
        self.place_edit.setMaxLength(PLACE_MAX)
        self.place_edit.setAccessibleName(self.tr("Place of signing"))
        self.date_edit = DateInput(today, self.tr("Date of signing"))

        self.signatory_boxes: dict[int, QCheckBox] = {}
        people = QVBoxLayout()
        people.setContentsMargins(0, 0, 0, 0)
        for party in services.agreements.list_parties(agreement_id):
            group = QGroupBox(party.organisation_name)
            column = QVBoxLayout(group)
            for signatory in party.signatories:
                text = f"{signatory.name}, {signatory.title}" if signatory.title else signatory.name
                box = QCheckBox(text)
                box.setChecked(True)
                box.setAccessibleName(fill(self.tr("%1 is present at the signing"), signatory.name))
                column.addWidget(box)
                self.signatory_boxes[signatory.id] = box
            if not party.signatories:
                missing = QLabel(self.tr("No signatory is registered for this party."))
                missing.setWordWrap(True)
                column.addWidget(missing)
            people.addWidget(group)

        self.banner = self._error_label()
        self.field_errors = {name: self._error_label() for name in ("place", "signed_on", "signatories")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field, text, widget in (
            ("place", self.tr("&Place:"), self.place_edit),
            ("signed_on", self.tr("&Date:"), self.date_edit),
        ):
            column = QVBoxLayout()
            column.addWidget(widget)
            column.addWidget(self.field_errors[field])
            caption = QLabel(text)
            caption.setBuddy(widget)
            form.addRow(caption, column)
        present = QLabel(self.tr("Present at the signing:"))
        present.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.addLayout(people)
        column.addWidget(self.field_errors["signatories"])
        form.addRow(present, column)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_button.setText(self.tr("&Sign"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.try_sign)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.place_edit.setFocus()

    def _error_label(self) -> QLabel:
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setTextFormat(Qt.TextFormat.PlainText)
        error.setVisible(False)
        return error

    def present_signatory_ids(self) -> list[int]:
        return [signatory_id for signatory_id, box in self.signatory_boxes.items() if box.isChecked()]

    def signing_date(self) -> date:
        """The typed date; a ValidationError for the date field if the text is no date."""
        day = read_dates({"signed_on": self.date_edit})["signed_on"]
        assert day is not None
        return day

    def try_sign(self) -> None:
        """Record the signing; a refusal is shown at its fields and the dialog stays open."""
        clear_field_errors(self.banner, self.field_errors)
        from promises_app.reports.agreement_document import sign_agreement  # the document engine: loaded when used

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.signed = sign_agreement(
                self.services,
                self.agreement_id,
                place=self.place_edit.text(),
                signed_on=self.signing_date(),
                signatory_ids=self.present_signatory_ids(),
                expected_version=self.agreement.version,
            )
        except ValidationError as error:
            put_field_errors(self.banner, self.field_errors, error.errors, renamed={"parties": "signatories"})
            self._focus_first([f.field for f in error.errors])
            self.adjustSize()  # room for the messages, nothing cut off
            return
        except AppError as error:
            self.banner.setText(str(error))
            self.banner.setVisible(True)
            self.adjustSize()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()

    def _focus_first(self, fields: list[str]) -> None:
        if "place" in fields:
            self.place_edit.setFocus()
        elif "signed_on" in fields:
            self.date_edit.setFocus()
        elif self.signatory_boxes:
            next(iter(self.signatory_boxes.values())).setFocus()
