"""The reports' charts (ReportLab graphics) and the traffic-light palette they share with the tables.

Each function takes the chart's plain data from a report's content (``followup_content``) and
returns a ``Drawing`` (a flowable) of the given width. Every label is drawn in the embedded
DejaVu font; labels are user-independent (statuses, lights, periods) except indicator names,
which graphics strings draw as plain text (no markup parsing happens in a Drawing).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import BarChart, HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgetbase import Widget
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from promises_app.reports import fonts, styles
from promises_app.reports.followup_content import (
    NO_LIGHT,
    NOT_DUE_KEY,
    BarChartData,
    BarSeries,
    IndicatorItem,
    number_text,
)
from promises_app.reports.font_metrics import CHART_FACES, register_for_measuring

#: Traffic lights as drawn in charts and the light column's swatch (key: TrafficLight code / "none").
LIGHT_COLOURS: dict[str, colors.Color] = {
    "green": colors.HexColor("#3A9D45"),
    "yellow": colors.HexColor("#F2C318"),
    "red": colors.HexColor("#D63A2F"),
    "not_assessed": colors.HexColor("#A7AEB6"),
    NO_LIGHT: colors.HexColor("#E4E7EB"),
    #: A running period's measures not reported on yet (reports/annual_content.py): not yet due.
    NOT_DUE_KEY: colors.HexColor("#F5F6F8"),
}
#: The same, pale: the background of a table cell, so dark text stays readable on it.
LIGHT_TINTS: dict[str, colors.Color] = {
    "green": colors.HexColor("#CDEBCF"),
    "yellow": colors.HexColor("#FBEDB0"),
    "red": colors.HexColor("#F6CBC7"),
    "not_assessed": colors.HexColor("#E6E8EB"),
    NO_LIGHT: colors.white,
}
#: Light colours on which a label is written dark rather than white.
_DARK_TEXT_ON = {"yellow", NO_LIGHT, NOT_DUE_KEY}

FONT_SIZE = 8
#: The labels' faces: measured from the stored metrics, drawn by Typst (font_metrics.MeasuringFont).
FONT = CHART_FACES[fonts.REGULAR]
BOLD_FONT = CHART_FACES[fonts.BOLD]
BASELINE_COLOUR = colors.HexColor("#6B7785")
TARGET_COLOUR = colors.HexColor("#1F7A3A")
LINE_COLOUR = styles.ACCENT


def light_colour(key: str) -> colors.Color:
    return LIGHT_COLOURS.get(key, LIGHT_COLOURS[NO_LIGHT])


def light_tint(key: str) -> colors.Color:
    return LIGHT_TINTS.get(key, colors.white)


def nice_step(maximum: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 5 × 10ⁿ) giving about ``ticks`` ticks up to ``maximum``."""
    if maximum <= 0:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return max(factor * power, 1) if maximum >= 1 else factor * power
    return 10 * power  # pragma: no cover - the loop always returns


def _place(part: Widget, **numbers: float) -> None:
    """Set a chart part's position or size. ReportLab takes any number there, but its stubs
    declare int, so the value goes in by setattr (which checks it just as an assignment does)."""
    for name, value in numbers.items():
        setattr(part, name, value)


def _legend(series: Sequence[tuple[colors.Color, str]], x: float, y: float) -> Legend:
    legend = Legend()
    _place(legend, x=x, y=y)
    legend.alignment = "right"
    legend.boxAnchor = "nw"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 8
    legend.deltax = 0
    legend.dxTextSpace = 4
    legend.variColumn = 1
    legend.fontName = FONT
    legend.fontSize = FONT_SIZE
    legend.strokeColor = colors.HexColor("#8A939E")
    legend.strokeWidth = 0.3
    legend.colorNamePairs = list(series)
    return legend


def _legend_width(labels: Sequence[str]) -> float:
    return sum(stringWidth(label, FONT, FONT_SIZE) + 8 + 4 + 14 for label in labels)


def _count_label(value: float) -> str:
    return str(int(value)) if value else ""


def status_light_bars(data: BarChartData, width: float) -> Drawing:
    """Horizontal stacked bars: one per status, coloured by traffic light, with a legend above."""
    register_for_measuring()
    categories = list(data.categories) or [""]
    label_width = max(stringWidth(c, FONT, FONT_SIZE) for c in categories) + 8
    bar_room = 20
    legend_room = 22
    axis_room = 26
    height = legend_room + bar_room * len(categories) + axis_room
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    _place(chart, x=label_width)
    chart.y = axis_room
    _place(chart, width=width - label_width - 10)
    chart.height = bar_room * len(categories)
    series = data.series or ()
    chart.data = [list(s.values) for s in series] or [[0] * len(categories)]
    chart.categoryAxis.categoryNames = categories
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.reverseDirection = 1  # the first status on top
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = FONT_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = styles.RULE
    chart.barWidth = 12
    chart.groupSpacing = 8
    _style_stacked_counts(chart, series)
    drawing.add(chart)
    pairs = [(light_colour(s.key), s.label) for s in series]
    drawing.add(_legend(pairs, max(width - _legend_width([p[1] for p in pairs]), 0), height - 4))
    axis_title = String(chart.x + chart.width / 2, 2, data.value_label, fontName=FONT,
                        fontSize=FONT_SIZE, fillColor=styles.MUTED, textAnchor="middle")
    drawing.add(axis_title)
    return drawing


def _style_stacked_counts(chart: BarChart, series: Sequence[BarSeries]) -> None:
    """The value axis, grid, count labels and traffic-light colours both bar charts share."""
    totals = [sum(values) for values in zip(*chart.data, strict=True)] or [0]
    top = max(max(totals), 1)
    step = nice_step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = math.ceil(top / step) * step
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = FONT_SIZE
    chart.valueAxis.labelTextFormat = lambda v: f"{v:g}"
    chart.valueAxis.strokeColor = styles.RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDE2E8")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.barLabelFormat = _count_label
    chart.barLabels.fontName = BOLD_FONT
    chart.barLabels.fontSize = FONT_SIZE
    chart.barLabels.boxTarget = "mid"
    chart.barLabels.boxAnchor = "c"
    chart.bars.strokeColor = colors.white
    chart.bars.strokeWidth = 0.5
    for index, s in enumerate(series):
        chart.bars[index].fillColor = light_colour(s.key)
        # The count in the light's contrasting colour (dark on yellow, white on the others).
        chart.barLabels[index].fillColor = colors.black if s.key in _DARK_TEXT_ON else colors.white


def period_light_columns(data: BarChartData, width: float, height: float = 170) -> Drawing:
    """Vertical stacked columns: one per period, split by traffic light, with a legend above.

    The legend stands at the top right, the value axis's title ("Antal åtgärder") at the top left;
    when the two would overlap (a narrow chart, six lights), the title goes under the legend, and
    a legend wider than the chart is set in two rows.
    """
    register_for_measuring()
    categories = list(data.categories) or [""]
    series = data.series or ()
    axis_room = 30
    legend = _legend([(light_colour(s.key), s.label) for s in series], 0, height - 4)
    if _bounds_width(legend) > width:
        legend.columnMaximum = 2
    legend_width = _bounds_width(legend)
    _place(legend, x=max(width - legend_width, 0))
    legend_bottom = legend.getBounds()[1]
    title_width = stringWidth(data.value_label, FONT, FONT_SIZE) + 12
    title_y = height - 12 if title_width + legend_width <= width else legend_bottom - 10
    plot_top = min(title_y - 12, legend_bottom - 4)
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x = 30
    chart.y = axis_room
    _place(chart, width=width - 40, height=plot_top - axis_room)
    chart.data = [list(s.values) for s in series] or [[0] * len(categories)]
    chart.categoryAxis.categoryNames = categories
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = FONT_SIZE
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.strokeColor = styles.RULE
    if len(categories) > 8:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.barWidth = 10
    chart.groupSpacing = 10
    _style_stacked_counts(chart, series)
    if chart.width / len(categories) < 24:  # too narrow for a count in each bar: the axis tells
        chart.barLabelFormat = None
    drawing.add(chart)
    drawing.add(legend)
    drawing.add(String(4, title_y, data.value_label, fontName=FONT, fontSize=FONT_SIZE,
                       fillColor=styles.MUTED))
    return drawing


def _bounds_width(legend: Legend) -> float:
    x0, _y0, x1, _y1 = legend.getBounds()
    return float(x1 - x0)


def indicator_chart(item: IndicatorItem, width: float, height: float = 130) -> Drawing:
    """The indicator's values over the periods as a line, baseline and target as dashed reference lines."""
    register_for_measuring()
    labels = [p.label for p in item.points] or [""]
    values = [p.value for p in item.points]
    known = [v for v in values if v is not None]
    references = [v for v in (item.baseline_value, item.target_value) if v is not None]
    everything = known + references or [0.0]
    low, high = min(everything + [0.0]), max(everything)
    if high <= low:
        high = low + 1
    step = nice_step(high - low)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 40, 26
    _place(chart, width=width - 40 - 110, height=height - 26 - 14)
    chart.data = [tuple(v if v is not None else None for v in values)] if values else [(None,)]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = FONT_SIZE
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.strokeColor = styles.RULE
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = low, high, step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = FONT_SIZE
    chart.valueAxis.labelTextFormat = lambda v: f"{v:g}"
    chart.valueAxis.strokeColor = styles.RULE
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDE2E8")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.lines[0].strokeColor = LINE_COLOUR
    chart.lines[0].strokeWidth = 1.6
    chart.lines[0].symbol = makeMarker("FilledCircle", size=4, fillColor=LINE_COLOUR, strokeColor=LINE_COLOUR)
    drawing.add(chart)

    def reference(value: float, colour: colors.Color, text: str) -> None:
        y = chart.y + (value - low) / (high - low) * chart.height
        drawing.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=colour, strokeWidth=1,
                         strokeDashArray=[4, 3]))
        drawing.add(String(chart.x + chart.width + 6, y - 3, text, fontName=FONT,
                           fontSize=FONT_SIZE, fillColor=colour))

    if item.baseline_value is not None:
        reference(item.baseline_value, BASELINE_COLOUR, f"Utgångsläge {number_text(item.baseline_value, item.unit)}")
    if item.target_value is not None:
        reference(item.target_value, TARGET_COLOUR, f"Mål {number_text(item.target_value, item.unit)}")
    return drawing
