"""One indicator's values over the periods, drawn with QPainter: a line per series (everyone, or
women and men for an indicator split by sex), the baseline and the target as dashed lines.

Deliberately plain: few values (a handful of years or tertials), so every point carries its
value, and the axis speaks the interface language ("1 234,5"). The data are kept as given so
tests and screen readers can read them (``series()``, the accessible description).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from promises_app.domain.indicators import Sex, period_sort_key
from promises_app.services.records import AgreementIndicatorRecord
from promises_app.ui.common.formatting import fill
from promises_app.ui.common.labels import label
from promises_app.ui.situation.situation_models import format_number

SERIES_COLOURS = {Sex.TOTAL: QColor("#1f4e79"), Sex.WOMEN: QColor("#8e24aa"), Sex.MEN: QColor("#e65100")}
BASELINE_COLOUR = QColor("#616161")
TARGET_COLOUR = QColor("#2e7d32")
GRID_COLOUR = QColor("#e0e0e0")
AXIS_COLOUR = QColor("#9e9e9e")
#: Every point is labelled with its value up to this many periods.
LABELLED_POINTS = 12
MARGIN = 10


@dataclass(frozen=True)
class Axis:
    low: float
    high: float
    step: float

    def ticks(self) -> list[float]:
        count = round((self.high - self.low) / self.step)
        return [self.low + i * self.step for i in range(count + 1)]


def nice_axis(low: float, high: float, ticks: int = 5) -> Axis:
    """An axis from ``low`` to ``high`` in round steps (1, 2, 2,5 or 5 × 10ⁿ), a little room around.

    Starts at zero when the values are all positive and zero is not far off (a share 20–60 %),
    so a small change is not made to look large.
    """
    if low > high:
        low, high = high, low
    if math.isclose(low, high, abs_tol=1e-12):
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    if 0 < low < (high - low):
        low = 0.0
    raw = (high - low) / max(1, ticks)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if raw <= m * magnitude + 1e-12)
    start = math.floor(low / step + 1e-9) * step
    end = math.ceil(high / step - 1e-9) * step
    if math.isclose(start, low, abs_tol=step * 1e-9) and low != 0:
        start -= step  # room below the lowest point, for its label
    if math.isclose(end, high, abs_tol=step * 1e-9):
        end += step  # room above the highest point, for its label
    return Axis(start, end, step)


class IndicatorChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Chart of the selected indicator"))
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self._title = ""
        self._unit = ""
        self._series: dict[Sex, list[tuple[str, float]]] = {}
        self._baseline: tuple[str | None, float] | None = None
        self._target: float | None = None
        self._empty_text = self.tr("Choose an indicator to see its values.")
        self._describe()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, 260)

    # --- the data ---------------------------------------------------------------------------
    def set_indicator(self, record: AgreementIndicatorRecord | None) -> None:
        """Show the values, baseline and target of an indicator the agreement follows (None: nothing)."""
        if record is None:
            self.set_data("", "", {}, None, None)
            return
        series: dict[Sex, list[tuple[str, float]]] = {}
        for value in record.values:
            series.setdefault(value.sex, []).append((value.period, value.value))
        trend = record.trend
        baseline = (trend.baseline_period, trend.baseline) if trend.baseline is not None else None
        self.set_data(record.indicator.name, record.indicator.unit, series, baseline, record.target_value)

    def set_data(
        self,
        title: str,
        unit: str,
        series: dict[Sex, list[tuple[str, float]]],
        baseline: tuple[str | None, float] | None,
        target: float | None,
    ) -> None:
        self._title = title
        self._unit = unit
        self._series = {
            sex: sorted(points, key=lambda point: period_sort_key(point[0]))
            for sex, points in sorted(series.items(), key=lambda item: list(Sex).index(item[0]))
            if points
        }
        self._baseline = baseline
        self._target = target
        self._empty_text = (
            self.tr("Choose an indicator to see its values.") if not title
            else self.tr("No values yet. Add them in the indicator register or import them from a file.")
        )
        self._describe()
        self.update()

    def series(self) -> dict[Sex, list[tuple[str, float]]]:
        return {sex: list(points) for sex, points in self._series.items()}

    def baseline(self) -> tuple[str | None, float] | None:
        return self._baseline

    def target(self) -> float | None:
        return self._target

    def periods(self) -> list[str]:
        labels = {period for points in self._series.values() for period, _value in points}
        return sorted(labels, key=period_sort_key)

    def _describe(self) -> None:
        """The chart in words, for screen readers and the tooltip."""
        if not self._series:
            text = self._empty_text
        else:
            parts = []
            for sex, points in self._series.items():
                values = "; ".join(f"{period}: {format_number(value)}" for period, value in points)
                parts.append(f"{label(sex)}: {values}" if len(self._series) > 1 else values)
            if self._baseline is not None:
                parts.append(self._baseline_text())
            if self._target is not None:
                parts.append(self._target_text())
            text = ". ".join(parts) + "."
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def _baseline_text(self) -> str:
        assert self._baseline is not None
        period, value = self._baseline
        if period:
            return fill(self.tr("Baseline %1 (%2)"), format_number(value), period)
        return fill(self.tr("Baseline %1"), format_number(value))

    def _target_text(self) -> str:
        return fill(self.tr("Target %1"), format_number(self._target))

    # --- drawing ----------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        metrics = self.fontMetrics()
        line = metrics.height()

        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        if self._title:
            title = f"{self._title} ({self._unit})" if self._unit else self._title
            elided = painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, int(area.width()))
            painter.drawText(QRectF(area.left(), area.top(), area.width(), line), Qt.AlignmentFlag.AlignLeft, elided)
            area.setTop(area.top() + line + 4)
        painter.setFont(self.font())
        if not self._series:
            painter.setPen(AXIS_COLOUR)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._empty_text)
            return

        area.setTop(area.top() + self._legend(painter, area) + 6)

        values = [value for points in self._series.values() for _period, value in points]
        if self._baseline is not None:
            values.append(self._baseline[1])
        if self._target is not None:
            values.append(self._target)
        axis = nice_axis(min(values), max(values))
        tick_labels = [format_number(tick) for tick in axis.ticks()]
        left = area.left() + max(metrics.horizontalAdvance(text) for text in tick_labels) + 8
        plot = QRectF(left, area.top() + line / 2, area.right() - left - 4, area.height() - line * 1.5 - 8)
        if plot.width() < 40 or plot.height() < 40:
            return

        def y_of(value: float) -> float:
            return plot.bottom() - (value - axis.low) / (axis.high - axis.low) * plot.height()

        # the value axis: grid lines and their numbers
        for tick, text in zip(axis.ticks(), tick_labels, strict=True):
            y = y_of(tick)
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(area.left(), y - line / 2, left - area.left() - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text,
            )
        painter.setPen(QPen(AXIS_COLOUR, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())

        # the periods, evenly spaced; a label where there is room for it
        periods = self.periods()
        slot = plot.width() / len(periods)

        def x_of(period: str) -> float:
            return plot.left() + (periods.index(period) + 0.5) * slot

        widest = max(metrics.horizontalAdvance(p) for p in periods) + 8
        every = max(1, math.ceil(widest / slot))
        painter.setPen(text_colour)
        for index, period in enumerate(periods):
            if index % every == 0:
                painter.drawText(
                    QRectF(x_of(period) - slot * every / 2, plot.bottom() + 4, slot * every, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, period,
                )

        # baseline and target: dashed, across the whole plot
        for value, colour in ((self._baseline[1] if self._baseline else None, BASELINE_COLOUR),
                              (self._target, TARGET_COLOUR)):
            if value is not None:
                painter.setPen(QPen(colour, 1.6, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(plot.left(), y_of(value)), QPointF(plot.right(), y_of(value)))

        # the series: a line, a dot per value, and the value over it
        labelled = len(periods) <= LABELLED_POINTS
        for sex, points in self._series.items():
            colour = SERIES_COLOURS[sex]
            corners = [QPointF(x_of(period), y_of(value)) for period, value in points]
            painter.setPen(QPen(colour, 2.2))
            for start, end in pairwise(corners):
                painter.drawLine(start, end)
            painter.setBrush(colour)
            for (_period, value), corner in zip(points, corners, strict=True):
                painter.setPen(QPen(colour, 1))
                painter.drawEllipse(corner, 3.5, 3.5)
                if labelled:
                    painter.setPen(colour.darker(120))
                    painter.drawText(
                        QRectF(corner.x() - slot / 2, corner.y() - line - 5, slot, line),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, format_number(value),
                    )
            painter.setBrush(Qt.BrushStyle.NoBrush)

    def _legend(self, painter: QPainter, area: QRectF) -> float:
        """The legend on one line (wrapping when narrow); returns the height it took."""
        metrics = self.fontMetrics()
        line = metrics.height()
        items: list[tuple[str, QColor, bool]] = [
            (label(sex), SERIES_COLOURS[sex], False) for sex in self._series
        ] if len(self._series) > 1 else []
        if self._baseline is not None:
            items.append((self._baseline_text(), BASELINE_COLOUR, True))
        if self._target is not None:
            items.append((self._target_text(), TARGET_COLOUR, True))
        if not items:
            return 0.0
        x, y = area.left(), area.top()
        for text, colour, dashed in items:
            width = 22 + metrics.horizontalAdvance(text) + 16
            if x + width > area.right() and x > area.left():
                x, y = area.left(), y + line + 2
            pen = QPen(colour, 2, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, y + line / 2), QPointF(x + 18, y + line / 2))
            painter.setPen(self.palette().color(QPalette.ColorRole.Text))
            painter.drawText(QRectF(x + 22, y, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             text)
            x += width
        return y + line - area.top()
