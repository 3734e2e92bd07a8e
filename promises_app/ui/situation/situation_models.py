"""The item models of the "Lägesbild och indikatorer" page, one per list, fed by the services.

The lägesbild's sources, the indicators an agreement follows (with baseline, target, latest
value and trend), the indicator register and one indicator's values, the safety walks and one
walk's findings, and an import preview's rows and errors. Each is a plain
:class:`RecordTableModel`: the rows are frozen records, the cells are words and numbers in the
interface language (Swedish: decimal comma, a space between thousands).
"""

from __future__ import annotations

import math
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QColor

from promises_app.domain.findings import format_coordinates
from promises_app.domain.indicators import Sex, Verdict
from promises_app.services.indicator_import import ImportRow, RowError
from promises_app.services.records import (
    AgreementIndicatorRecord,
    IndicatorRecord,
    IndicatorValueRecord,
    SafetyWalkRecord,
    SituationSourceRecord,
    WalkFindingRecord,
)
from promises_app.ui.common.formatting import fill, format_date
from promises_app.ui.common.labels import label
from promises_app.ui.common.record_table_model import Index, RecordTableModel

#: The id of the row's record (an int), on every column.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's record itself.
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2

VERDICT_COLOURS = {Verdict.BETTER: QColor("#1b5e20"), Verdict.WORSE: QColor("#b71c1c")}
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
#: At most this many decimals are shown; a value is stored as typed (1 234,5; 57; 0,125).
MAX_DECIMALS = 3


def format_number(value: float | None, locale: QLocale | None = None) -> str:
    """A number as the interface language writes it, with no more decimals than it has.

    Swedish: 1420 → "1 420", 1234.5 → "1 234,5", 57.0 → "57" (the space is a no-break space).
    """
    if value is None or not math.isfinite(value):
        return ""
    locale = locale or QLocale()
    decimals = next(
        (d for d in range(MAX_DECIMALS + 1) if math.isclose(value, round(value, d), rel_tol=0, abs_tol=1e-9)),
        MAX_DECIMALS,
    )
    text = locale.toString(float(round(value, decimals)), "f", decimals)
    return "0" if text in {"-0", "\u22120"} else text


def one_line(text: str) -> str:
    """Multi-line text for a table cell: the lines joined, the whole text in the tooltip."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


class _HasId(Protocol):
    @property
    def id(self) -> int: ...


_R = TypeVar("_R", bound=_HasId)


class _Records(RecordTableModel[_R]):
    """The rows are records with an ``id``: find them by row or by id."""

    def record_at(self, row: int) -> _R:
        return self._rows[row]

    def records(self) -> list[_R]:
        return list(self._rows)

    def row_of(self, record_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == record_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, index.column())
        if role == ID_ROLE:
            return getattr(record, "id", None)
        if role == RECORD_ROLE:
            return record
        return self.other(record, index.column(), role)

    def display(self, record: _R, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, record: _R, column: int) -> str | None:
        return None

    def other(self, record: _R, column: int, role: int) -> Any:
        return None


class SourceTableModel(_Records[SituationSourceRecord]):
    """The sources the agreement's lägesbild rests on, in their order."""

    TEXT = 0

    def headers(self) -> list[str]:
        return [self.tr("Source")]

    def record_at(self, row: int) -> SituationSourceRecord:
        return self._rows[row]

    def display(self, record: SituationSourceRecord, column: int) -> str:
        return record.text

    def tooltip(self, record: SituationSourceRecord, column: int) -> str | None:
        return record.text


class IndicatorLinkTableModel(_Records[AgreementIndicatorRecord]):
    """The indicators the agreement follows: where each started, where it should go, where it is."""

    NAME, UNIT, SOURCE, DIRECTION, BASELINE, TARGET, LATEST, TREND = range(8)

    def headers(self) -> list[str]:
        return [
            self.tr("Indicator"),
            self.tr("Unit"),
            self.tr("Source"),
            self.tr("Direction"),
            self.tr("Baseline"),
            self.tr("Target"),
            self.tr("Latest value"),
            self.tr("Trend"),
        ]

    def header_tooltips(self) -> dict[int, str]:
        return {
            self.BASELINE: self.tr("The value the agreement starts from, and its period"),
            self.TARGET: self.tr("The value the agreement aims for"),
            self.LATEST: self.tr("The latest value (everyone), and its period"),
            self.TREND: self.tr("The latest value against the baseline, in the direction that is better"),
        }

    def record_at(self, row: int) -> AgreementIndicatorRecord:
        return self._rows[row]

    def display(self, record: AgreementIndicatorRecord, column: int) -> str:
        indicator = record.indicator
        trend = record.trend
        if column == self.NAME:
            return indicator.name
        if column == self.UNIT:
            return indicator.unit
        if column == self.SOURCE:
            return label(indicator.source)
        if column == self.DIRECTION:
            return label(indicator.direction)
        if column == self.BASELINE:
            return self._with_period(trend.baseline, trend.baseline_period)
        if column == self.TARGET:
            return format_number(record.target_value) if record.target_value is not None else record.target_text
        if column == self.LATEST:
            latest = latest_total(record)
            return self._with_period(latest.value, latest.period) if latest else ""
        if column == self.TREND:
            text = label(trend.verdict)
            if trend.target_reached:
                text = fill(self.tr("%1, target reached"), text)
            return text
        return ""

    def _with_period(self, value: float | None, period: str | None) -> str:
        if value is None:
            return ""
        return fill(self.tr("%1 (%2)"), format_number(value), period) if period else format_number(value)

    def tooltip(self, record: AgreementIndicatorRecord, column: int) -> str | None:
        trend = record.trend
        if column == self.NAME:
            details = [record.indicator.name, record.indicator.category, record.indicator.area,
                       record.indicator.description]
            return "\n".join(filter(None, details))
        if column == self.TARGET:
            return record.target_text or None
        if column in (self.UNIT, self.SOURCE, self.DIRECTION):
            return self.display(record, column) or None
        if column == self.TREND:
            lines = []
            if trend.change is not None:
                sign = "+" if trend.change > 0 else ""
                lines.append(fill(
                    self.tr("Change since the baseline: %1 (%2 → %3)"),
                    sign + format_number(trend.change), format_number(trend.baseline), format_number(trend.latest),
                ))
            elif trend.baseline is None:
                lines.append(self.tr("No baseline yet."))
            else:
                lines.append(self.tr("No value after the baseline's period yet."))
            if trend.target_reached is True:
                lines.append(self.tr("The target is reached."))
            elif trend.target_reached is False:
                lines.append(self.tr("The target is not reached yet."))
            return "\n".join(lines)
        return None

    def other(self, record: AgreementIndicatorRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.BASELINE, self.TARGET, self.LATEST):
            return NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.ForegroundRole and column == self.TREND:
            colour = VERDICT_COLOURS.get(record.trend.verdict)
            return QBrush(colour) if colour is not None else None
        return None


def latest_total(record: AgreementIndicatorRecord) -> IndicatorValueRecord | None:
    """The indicator's newest value for everyone (the values come oldest first)."""
    return next((v for v in reversed(record.values) if v.sex is Sex.TOTAL), None)


class IndicatorTableModel(_Records[IndicatorRecord]):
    """The indicator register."""

    NAME, CATEGORY, SOURCE, UNIT, DIRECTION, AREA, SPLIT = range(7)

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Category"),
            self.tr("Source"),
            self.tr("Unit"),
            self.tr("Direction"),
            self.tr("Area"),
            self.tr("By sex"),
        ]

    def record_at(self, row: int) -> IndicatorRecord:
        return self._rows[row]

    def display(self, record: IndicatorRecord, column: int) -> str:
        if column == self.NAME:
            return record.name
        if column == self.CATEGORY:
            return record.category
        if column == self.SOURCE:
            return label(record.source)
        if column == self.UNIT:
            return record.unit
        if column == self.DIRECTION:
            return label(record.direction)
        if column == self.AREA:
            return record.area or self.tr("Whole municipality")
        if column == self.SPLIT:
            return self.tr("Yes") if record.split_by_sex else self.tr("No")
        return ""

    def tooltip(self, record: IndicatorRecord, column: int) -> str | None:
        return record.description or None


class IndicatorValueTableModel(_Records[IndicatorValueRecord]):
    """One indicator's values by period (oldest first), everyone before women and men."""

    PERIOD, SEX, VALUE = range(3)

    def headers(self) -> list[str]:
        return [self.tr("Period"), self.tr("Sex"), self.tr("Value")]

    def record_at(self, row: int) -> IndicatorValueRecord:
        return self._rows[row]

    def display(self, record: IndicatorValueRecord, column: int) -> str:
        if column == self.PERIOD:
            return record.period
        if column == self.SEX:
            return label(record.sex)
        if column == self.VALUE:
            return format_number(record.value)
        return ""

    def other(self, record: IndicatorValueRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VALUE:
            return NUMBER_ALIGNMENT
        return None


class WalkTableModel(_Records[SafetyWalkRecord]):
    """The agreement's safety walks, oldest first."""

    DATE, PLACE, PARTICIPANTS, FINDINGS = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Place"), self.tr("Participants"), self.tr("Findings")]

    def header_tooltips(self) -> dict[int, str]:
        return {self.FINDINGS: self.tr("How many findings the walk has")}

    def record_at(self, row: int) -> SafetyWalkRecord:
        return self._rows[row]

    def display(self, record: SafetyWalkRecord, column: int) -> str:
        if column == self.DATE:
            return format_date(record.walked_on)
        if column == self.PLACE:
            return record.place
        if column == self.PARTICIPANTS:
            return ", ".join(line.strip() for line in record.participants.splitlines() if line.strip())
        if column == self.FINDINGS:
            return str(len(record.findings))
        return ""

    def tooltip(self, record: SafetyWalkRecord, column: int) -> str | None:
        if column == self.PARTICIPANTS:
            return record.participants or None
        if column == self.FINDINGS:
            made = sum(1 for f in record.findings if f.measure_id is not None)
            return fill(self.tr("%1 findings, %2 of them made into measures"), len(record.findings), made)
        return None

    def other(self, record: SafetyWalkRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.FINDINGS:
            return NUMBER_ALIGNMENT
        return None


class FindingTableModel(_Records[WalkFindingRecord]):
    """One walk's findings, in order: where each is, how far it was followed, and the measure it became."""

    TEXT, PLACE, STATUS, MEASURE = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Finding"), self.tr("Place"), self.tr("Status"), self.tr("Measure")]

    def header_tooltips(self) -> dict[int, str]:
        return {
            self.STATUS: self.tr("Open, dealt with or declined, and when"),
            self.MEASURE: self.tr("The measure the finding was made into"),
        }

    def record_at(self, row: int) -> WalkFindingRecord:
        return self._rows[row]

    def display(self, record: WalkFindingRecord, column: int) -> str:
        if column == self.TEXT:
            return one_line(record.text)
        if column == self.PLACE:
            return record.place
        if column == self.STATUS:
            if record.dealt_on is None:
                return label(record.status)
            return fill(self.tr("%1 %2"), label(record.status), format_date(record.dealt_on))
        if column == self.MEASURE:
            return record.measure_title
        return ""

    def tooltip(self, record: WalkFindingRecord, column: int) -> str | None:
        if column == self.TEXT:
            return record.text
        if column == self.PLACE:
            lines = [record.place, record.owner_name and fill(self.tr("Owner: %1"), record.owner_name),
                     record.has_coordinates and format_coordinates(record.latitude, record.longitude)]
            return "\n".join(line for line in lines if line) or None
        if column == self.STATUS:
            said = self.display(record, column)
            return fill(self.tr("%1\nReason: %2"), said, record.reason) if record.reason else said
        if column == self.MEASURE and record.measure_id is None:
            return self.tr("Not made into a measure yet")
        return record.measure_title or None


class ImportRowTableModel(RecordTableModel[ImportRow]):
    """The values an import file gives, as the preview read them."""

    LINE, INDICATOR, PERIOD, SEX, VALUE, REPLACES = range(6)

    def headers(self) -> list[str]:
        return [
            self.tr("Line"),
            self.tr("Indicator"),
            self.tr("Period"),
            self.tr("Sex"),
            self.tr("Value"),
            self.tr("Replaces"),
        ]

    def header_tooltips(self) -> dict[int, str]:
        return {self.REPLACES: self.tr("The stored value the imported one replaces")}

    def record_at(self, row: int) -> ImportRow:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row: ImportRow = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                str(row.line), row.indicator, row.period, label(row.sex), format_number(row.value),
                format_number(row.replaces),
            ][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.LINE, self.VALUE, self.REPLACES):
            return NUMBER_ALIGNMENT
        if role == RECORD_ROLE:
            return row
        return None


class ImportErrorTableModel(RecordTableModel[RowError]):
    """What is wrong with an import file: the line (as a spreadsheet numbers it), the column, why."""

    LINE, COLUMN, MESSAGE = range(3)

    def headers(self) -> list[str]:
        return [self.tr("Line"), self.tr("Column"), self.tr("Problem")]

    def record_at(self, row: int) -> RowError:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        error: RowError = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.LINE:
                return fill(self.tr("Line %1"), error.line) if error.line else self.tr("The whole file")
            if column == self.COLUMN:
                return error.column or (self.tr("The whole row") if error.line else "")
            return error.message
        if role == Qt.ItemDataRole.ToolTipRole and column == self.MESSAGE:
            return error.message
        if role == RECORD_ROLE:
            return error
        return None
