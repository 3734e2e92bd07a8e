"""The signed revisions of one agreement as a table: when, where, by whom, its fingerprint, the copy.

The hashes are shown short (12 hex digits are plenty to tell revisions apart and to read aloud
on the phone); the tooltip has the whole SHA-256 to compare with a printout or a file.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from promises_app.services.records import SignedCopyRecord, SignedRevisionRecord
from promises_app.services.signoff import SOURCE_IMPORTED, SOURCE_SIGNED
from promises_app.ui.common.formatting import fill, format_date, format_size
from promises_app.ui.common.record_table_model import Index, RecordTableModel

#: The revision number of the row (an int), on every column.
REVISION_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's SignedRevisionRecord.
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
#: How many hex digits of a SHA-256 the cells show.
SHORT_HASH = 12


def short_hash(sha256: str) -> str:
    return sha256[:SHORT_HASH]


class RevisionTableModel(RecordTableModel[SignedRevisionRecord]):
    REVISION, DATE, PLACE, SIGNATORIES, FINGERPRINT, SOURCE, COPY = range(7)

    def headers(self) -> list[str]:
        return [
            self.tr("Revision"),
            self.tr("Signed on"),
            self.tr("Place"),
            self.tr("Signatories"),
            self.tr("Fingerprint"),
            self.tr("Source"),
            self.tr("Hand-signed copy"),
        ]

    def header_tooltips(self) -> dict[int, str]:
        return {
            self.FINGERPRINT: self.tr(
                "The first 12 characters of the SHA-256 checksum of the signed content. "
                "The same content always gives the same fingerprint."
            ),
            self.COPY: self.tr("The scanned, hand-signed agreement kept with the revision"),
        }

    def set_rows(self, rows: list[SignedRevisionRecord]) -> None:
        """Show ``rows``; the same revisions again (say, a copy attached) only repaint what changed,
        so the selection stays where it was."""
        rows = list(rows)
        if [r.id for r in rows] != [r.id for r in self._rows]:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        for number, (old, new) in enumerate(zip(self._rows, rows, strict=True)):
            if old != new:
                self._rows[number] = new
                self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))

    def record_at(self, row: int) -> SignedRevisionRecord:
        return self._rows[row]

    def row_of(self, revision: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.revision == revision), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == REVISION_ROLE:
            return record.revision
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.REVISION:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    # --- cells -------------------------------------------------------------------------------
    def _display(self, record: SignedRevisionRecord, column: int) -> str:
        if column == self.REVISION:
            return str(record.revision)
        if column == self.DATE:
            return format_date(record.signed_on) if record.signed_on else self.tr("not recorded")
        if column == self.PLACE:
            return record.signed_place
        if column == self.SIGNATORIES:
            return "; ".join(
                f"{party}: {', '.join(name for name, _title in people)}" for party, people in record.signatories
            )
        if column == self.FINGERPRINT:
            return short_hash(record.content_sha256)
        if column == self.SOURCE:
            return self.source_text(record.source)
        if column == self.COPY:
            return "; ".join(f"{copy.file_name} ({short_hash(copy.sha256)})" for copy in record.copies)
        return ""

    def _tooltip(self, record: SignedRevisionRecord, column: int) -> str | None:
        if column == self.SIGNATORIES:
            lines = []
            for party, people in record.signatories:
                lines.append(party)
                lines.extend(f"    {name}, {title}" if title else f"    {name}" for name, title in people)
            return "\n".join(lines)
        if column == self.FINGERPRINT:
            lines = [fill(self.tr("Fingerprint of the signed content, SHA-256:\n%1"), record.content_sha256)]
            if record.pdf_sha256:
                lines.append(
                    fill(
                        self.tr("Checksum of the PDF made at signing, SHA-256 (%1):\n%2"),
                        format_size(record.pdf_size or 0),
                        record.pdf_sha256,
                    )
                )
            lines.append(fill(self.tr("Recorded %1 by %2"), stored_timestamp(record.recorded_at), record.recorded_by))
            return "\n\n".join(lines)
        if column == self.SOURCE:
            if record.source == SOURCE_IMPORTED:
                return self.tr(
                    "Read from an exchange file that said the agreement was signed; "
                    "its content was frozen as it came in."
                )
            return self.tr("Signed off in this program; the PDF's checksum was recorded at signing.")
        if column == self.COPY:
            if not record.copies:
                return self.tr("No hand-signed copy attached yet.")
            return "\n\n".join(self._copy_tooltip(copy) for copy in record.copies)
        if column == self.DATE and record.signed_on is None:
            return self.tr("The date of signing was not recorded (the agreement was imported without it).")
        return None

    def _copy_tooltip(self, copy: SignedCopyRecord) -> str:
        return "\n".join(
            [
                copy.file_name,
                fill(self.tr("Checksum (SHA-256): %1"), copy.sha256),
                fill(
                    self.tr("%1, attached %2 by %3"),
                    format_size(copy.size),
                    stored_timestamp(copy.attached_at),
                    copy.attached_by,
                ),
            ]
        )

    def source_text(self, source: str) -> str:
        if source == SOURCE_SIGNED:
            return self.tr("Signed here")
        if source == SOURCE_IMPORTED:
            return self.tr("Imported from file")
        return source


def stored_timestamp(value: str) -> str:
    """A stored UTC timestamp ("2022-01-18T09:30:00Z") as "2022-01-18 09:30 UTC"."""
    if len(value) >= 16 and value[10] == "T":
        return f"{value[:10]} {value[11:16]} UTC"
    return value
