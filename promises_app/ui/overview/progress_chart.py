"""The measures' progress per reporting period, drawn with QPainter: one stacked bar per period.

Each bar holds every measure once, stacked by the status reported for that period (finished
work at the bottom). Readable without colour: every segment tall enough carries its count,
some statuses have a pattern, and the legend names each colour; the same text is the
accessible description (``summary_text()``) for screen readers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from promises_app.domain.enums import FollowUpStatus
from promises_app.services.overview import PeriodProgress
from promises_app.ui.common.formatting import fill
from promises_app.ui.overview.overview_models import (
    PROGRESS_ORDER,
    STATUS_COLOURS,
    STATUS_PATTERNS,
    fill_status,
    status_name,
)

GRID_COLOUR = QColor("#e0e0e0")
AXIS_COLOUR = QColor("#9e9e9e")
OUTLINE_COLOUR = QColor("#424242")
MARGIN = 8
SWATCH = 14
MAX_BAR_WIDTH = 56


def integer_step(total: int, ticks: int = 5) -> int:
    """A round step (1, 2, 5 × 10ⁿ) for an axis of whole measures from 0 to ``total``."""
    raw = max(1.0, total / ticks)
    magnitude = 10 ** math.floor(math.log10(raw))
    return int(next(m * magnitude for m in (1, 2, 5, 10) if raw <= m * magnitude))


def _text_colour(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    r, g, b = background.redF(), background.greenF(), background.blueF()
    return QColor("black") if 0.299 * r + 0.587 * g + 0.114 * b > 0.5 else QColor("white")


class ProgressChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Progress per reporting period"))
        self.setMinimumSize(340, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self._progress: tuple[PeriodProgress, ...] = ()
        # Reachable by Tab, so a screen reader can read the chart's description.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(460, 260)

    def set_progress(self, progress: Sequence[PeriodProgress]) -> None:
        self._progress = tuple(progress)
        self.setAccessibleDescription(self.summary_text())
        self.setToolTip(self.summary_text())
        self.update()

    def progress(self) -> tuple[PeriodProgress, ...]:
        return self._progress

    def summary_text(self) -> str:
        """The chart in words, one line per period: "2022-T2: Genomförd 2, Pågående 4, …"."""
        if not self._progress:
            return self.empty_text()
        lines = []
        for item in self._progress:
            parts = ", ".join(
                f"{status_name(status)} {count}" for status, count in self._ordered(item) if count
            ) or self.tr("no measures")
            name = fill(self.tr("%1 (running)"), item.period) if item.current else item.period
            lines.append(f"{name}: {parts}")
        return "\n".join(lines)

    def empty_text(self) -> str:
        return self.tr("No reporting period has begun yet.")

    @staticmethod
    def _ordered(item: PeriodProgress) -> list[tuple[FollowUpStatus | None, int]]:
        counts = {c.status: c.count for c in item.counts}
        return [(status, counts.get(status, 0)) for status in PROGRESS_ORDER]

    # --- drawing ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        text_colour = self.palette().color(QPalette.ColorRole.Text)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        if not self._progress:
            painter.setPen(text_colour)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text())
            painter.end()
            return
        metrics = self.fontMetrics()
        line = metrics.height()

        # The legend on the right: a swatch and the status's name, top to bottom as the stack reads.
        names = [(status, status_name(status)) for status in reversed(PROGRESS_ORDER)]
        legend_width = SWATCH + 6 + max(metrics.horizontalAdvance(name) for _, name in names)
        legend_x = area.right() - legend_width
        y = area.top() + 2
        for status, name in names:
            fill_status(painter, status, legend_x, y + (line - SWATCH) / 2, SWATCH, SWATCH)
            painter.setPen(OUTLINE_COLOUR)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(legend_x, y + (line - SWATCH) / 2, SWATCH, SWATCH))
            painter.setPen(text_colour)
            painter.drawText(QRectF(legend_x + SWATCH + 6, y, legend_width, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
            y += line + 4

        # The plot: a y axis of whole measures, one bar per period, labels underneath.
        total = max((item.total for item in self._progress), default=0)
        step = integer_step(total)
        top_value = max(step, math.ceil(total / step) * step)
        axis_width = metrics.horizontalAdvance(str(top_value)) + 6
        plot = QRectF(area.left() + axis_width, area.top() + line / 2,
                      legend_x - 16 - area.left() - axis_width, area.height() - line / 2 - 2 * line - 6)
        if plot.width() < 40 or plot.height() < 40:
            painter.end()
            return
        scale = plot.height() / top_value
        painter.setPen(QPen(GRID_COLOUR, 1))
        for value in range(0, top_value + 1, step):
            y = plot.bottom() - value * scale
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(text_colour)
            painter.drawText(QRectF(area.left(), y - line / 2, axis_width - 6, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
        painter.setPen(QPen(AXIS_COLOUR, 1))
        painter.drawLine(int(plot.left()), int(plot.bottom()), int(plot.right()), int(plot.bottom()))

        slot = plot.width() / len(self._progress)
        bar_width = min(MAX_BAR_WIDTH, slot * 0.6)
        # Many periods (quarters over years): label every n-th bar so the labels never overlap.
        widest = max(metrics.horizontalAdvance(item.period) for item in self._progress) + 6
        every = max(1, math.ceil(widest / slot))
        for index, item in enumerate(self._progress):
            centre = plot.left() + slot * (index + 0.5)
            x = centre - bar_width / 2
            bottom = plot.bottom()
            for status, count in self._ordered(item):
                if not count:
                    continue
                height = count * scale
                top = bottom - height
                fill_status(painter, status, x, top, bar_width, height)
                painter.setPen(OUTLINE_COLOUR)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(x, top, bar_width, height))
                if height >= line:
                    self._count_label(painter, status, str(count), QRectF(x, top, bar_width, height))
                bottom = top
            painter.setPen(text_colour)
            label_width = slot * every
            label_rect = QRectF(centre - label_width / 2, plot.bottom() + 4, label_width, line)
            if index % every == 0:
                painter.drawText(label_rect, Qt.AlignmentFlag.AlignCenter,
                                 metrics.elidedText(item.period, Qt.TextElideMode.ElideRight, int(label_width)))
            if item.current:
                # Under its own label "(running)"; where that label was left out, the period's name too.
                running = "(" + self.tr("running") + ")" if index % every == 0 else fill(
                    self.tr("%1 (running)"), item.period)
                wide = max(label_width, metrics.horizontalAdvance(running) + 6)
                painter.drawText(QRectF(centre - wide / 2, plot.bottom() + 4 + line, wide, line),
                                 Qt.AlignmentFlag.AlignCenter, running)
        painter.end()

    def _count_label(self, painter: QPainter, status: FollowUpStatus | None, text: str, rect: QRectF) -> None:
        """The count in the middle of its segment; on a patterned one, on a small plain box."""
        colour = STATUS_COLOURS[status]
        if status in STATUS_PATTERNS:
            metrics = self.fontMetrics()
            box_width = metrics.horizontalAdvance(text) + 6
            box = QRectF(rect.center().x() - box_width / 2, rect.center().y() - metrics.height() / 2,
                         box_width, metrics.height())
            painter.fillRect(box, QColor("white"))
            painter.setPen(QColor("black"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            return
        painter.setPen(_text_colour(colour))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
