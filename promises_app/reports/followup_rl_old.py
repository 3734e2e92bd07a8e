"""The follow-up report: ``FollowUpContent`` laid out as an A4 PDF (portrait or landscape).

Layout only: every word comes from the content (``followup_content``), every style from
``styles`` via ``page_layout.report_styles``, every chart from ``charts``. User text (titles,
names, comments, the "Nästa steg" text) goes through ``page_layout.markup``: text, never
markup (docs/reliability.md, P12). The measure tables are many small tables (one per promise, at
most ``CHUNK_ROWS`` rows each) with a repeated header row: thousands of measures lay out in
seconds, where one giant Table would not. ``invariant=1`` (page_layout.render_document): the
same content and options give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from promises_app.reports import charts, fonts
from promises_app.reports import followup_content as c
from promises_app.reports.followup_content import FollowUpContent
from promises_app.reports.formatting import log_keywords
from promises_app.reports.page_layout import (
    CELL_PADDING,
    GROUP_START_ROOM,
    SECTION_HEADING_ROOM,
    PageGeometry,
    TableCell,
    TableCommand,
    chunks,
    column_widths,
    data_table,
    has_long_text,
    longest_word,
    page_geometry,
    para,
    paragraphs,
    plain_cell,
    render_document,
    report_styles,
    snug_widths,
    table_style,
    text_cells,
)
from promises_app.reports.report_options import FollowUpOptions, FollowUpSection

#: Rows per measure table: enough to fill a page or two, small enough to lay out quickly.
CHUNK_ROWS = 50
#: The widest a chart is drawn (landscape pages would otherwise stretch it thin).
CHART_MAX_WIDTH = 520
COUNT_TABLE_MAX_WIDTH = 250
#: The chart stands beside the counts when this much room is left beside them (landscape).
CHART_MIN_BESIDE = 320


def render_followup_pdf(content: FollowUpContent, options: FollowUpOptions | None = None) -> bytes:
    """The follow-up report as PDF bytes (``options``: orientation and whether to draw the logos)."""
    options = options or FollowUpOptions()
    logos = content.logos if options.logos else ()
    geometry = page_geometry(landscape=options.landscape, logos=bool(logos))
    return render_document(
        followup_story(content, geometry),
        geometry,
        title=f"{content.heading} – {content.agreement_title}",
        subject=content.kind,
        footer=c.footer_text(content.report_date, content.fingerprint, content.log_anchor),
        logos=logos,
        keywords=f"medborgarloften-report-fingerprint:{content.fingerprint}" + log_keywords(content.log_anchor),
    )


def heading(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def title_block(kind: str, title: str, subtitle: str, facts: Sequence[tuple[str, str]], width: float) -> list[Flowable]:
    """The report's opening: kind, the agreement's title, the report's own title, then its facts."""
    s = report_styles()
    story: list[Flowable] = [para(kind, s.sheet.kind), para(title, s.sheet.title), para(subtitle, s.subtitle)]
    if facts:
        rows = [[para(label, s.fact_label), para(value, s.fact_value)] for label, value in facts]
        label = min(width * 0.28, 140.0)
        table = Table(rows, colWidths=[label, width - label], hAlign="LEFT")
        table.setStyle(table_style(("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1), header=False, grid=False))
        story.extend([table, Spacer(1, 8)])
    return story


def followup_story(content: FollowUpContent, geometry: PageGeometry) -> list[Flowable]:
    s = report_styles()
    width = geometry.width
    story = title_block(content.kind, content.agreement_title, content.heading, content.facts, width)
    if content.has(FollowUpSection.SUMMARY):
        story.extend(_summary(content, width))
    if content.has(FollowUpSection.MEASURES):
        if content.has(FollowUpSection.SUMMARY):  # the measures start a page unless most of one is left
            story.append(CondPageBreak(geometry.height * 0.6))
        story.extend(measure_tables(content.groups, width, section=c.HEADING_MEASURES))
    if content.has(FollowUpSection.MOVED):
        story.extend(moved_section(content.moved, width))
    if content.has(FollowUpSection.INDICATORS) and content.indicators:
        story.extend(indicator_section(content.indicators, width))
    if content.has(FollowUpSection.NEXT_STEPS) and content.next_steps:
        story.append(heading(c.HEADING_NEXT_STEPS, s.sheet.heading1))
        story.extend(paragraphs(content.next_steps, s.sheet.body))
    return story


# --- summary ----------------------------------------------------------------------------------
def count_table(title: str, rows: Sequence[c.CountRow], total: int, width: float, *, swatches: bool) -> Table:
    """"Status | Antal" with one line per value and a total; with ``swatches`` a light's colour beside it."""
    s = report_styles()
    body: list[list[TableCell]] = []
    extra: list[TableCommand] = []
    for index, row in enumerate(rows, start=1):
        cells: list[TableCell] = [para(row.label, s.cell), para(str(row.count), s.cell_number)]
        if swatches:
            cells.insert(0, "")
            extra.append(("BACKGROUND", (0, index), (0, index), charts.light_colour(row.key)))
        body.append(cells)
    total_row: list[TableCell] = [para(c.TOTAL, s.cell_bold), para(str(total), s.cell_number_bold)]
    if swatches:
        total_row.insert(0, "")
    body.append(total_row)
    header = [title, *c.COUNT_COLUMNS]
    widths = [width * 0.72, width * 0.28]
    header_styles = [s.header, s.header_number]
    if swatches:
        header = ["", *header]
        widths = [12, width * 0.72 - 12, width * 0.28]
        header_styles = [s.header, *header_styles]
    last = len(body)
    extra.append(("LINEABOVE", (0, last), (-1, last), 0.9, charts.BASELINE_COLOUR))
    return data_table(header, body, widths, *extra, header_styles=header_styles)


def _summary(content: FollowUpContent, width: float) -> list[Flowable]:
    """The counts by status and by light, the chart; on a wide (landscape) page the chart beside the counts."""
    s = report_styles()
    story: list[Flowable] = [heading(c.HEADING_SUMMARY, s.sheet.heading1)]
    chart_caption = heading(c.HEADING_CHART, s.sheet.heading2)
    gap = 18.0
    beside = width - COUNT_TABLE_MAX_WIDTH - 2 * gap
    if beside >= CHART_MIN_BESIDE:
        status = count_table(c.HEADING_BY_STATUS, content.by_status, content.total, COUNT_TABLE_MAX_WIDTH,
                             swatches=False)
        light = count_table(c.HEADING_BY_LIGHT, content.by_light, content.total, COUNT_TABLE_MAX_WIDTH,
                            swatches=True)
        right: list[Flowable] = []
        if content.chart.categories:
            right = [heading(c.HEADING_CHART, s.chart_caption),
                     charts.status_light_bars(content.chart, min(beside, CHART_MAX_WIDTH))]
        row = Table([[[status, Spacer(1, 10), light], right]],
                    colWidths=[COUNT_TABLE_MAX_WIDTH + 2 * gap, width - COUNT_TABLE_MAX_WIDTH - 2 * gap],
                    hAlign="LEFT")
        row.setStyle(table_style(("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 header=False, grid=False))
        story.extend([row, Spacer(1, 6)])
    else:
        half = min((width - gap) / 2, COUNT_TABLE_MAX_WIDTH)
        counts = Table(
            [[count_table(c.HEADING_BY_STATUS, content.by_status, content.total, half, swatches=False),
              count_table(c.HEADING_BY_LIGHT, content.by_light, content.total, half, swatches=True)]],
            colWidths=[half + gap, half],
            hAlign="LEFT",
        )
        counts.setStyle(table_style(("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                    header=False, grid=False))
        story.extend([counts, Spacer(1, 10)])
        if content.chart.categories:
            chart = charts.status_light_bars(content.chart, min(width, CHART_MAX_WIDTH))
            story.append(KeepTogether([chart_caption, chart]))
    story.append(heading(f"{c.HEADING_OVERDUE} (per {content.overdue_as_of})", s.sheet.heading2))
    story.extend(listed_table(content.overdue, width, empty="Inga åtgärder är försenade."))
    story.append(heading(c.HEADING_MISSING, s.sheet.heading2))
    story.extend(listed_table(content.missing, width,
                              empty="Alla åtgärder som skulle följas upp har en uppföljning för perioden."))
    return story


def listed_table(items: Sequence[c.ListedMeasure], width: float, *, empty: str) -> list[Flowable]:
    s = report_styles()
    if not items:
        return [para(empty, s.note)]
    title, responsible, deadline, status = c.LIST_COLUMNS
    widths = column_widths(width, [
        (title, [], 1.0), (responsible, [m.responsible for m in items], 0),
        (deadline, [m.deadline for m in items], 0), (status, [m.status for m in items], 0),
    ])
    rows = [
        [plain_cell(text, column, s.cell) for text, column in zip((m.title, m.responsible, m.deadline, m.status),
                                                                   widths, strict=True)]
        for m in items
    ]
    return [
        data_table(c.LIST_COLUMNS, part, widths, *text_cells(s.cell))
        for part in chunks(rows, CHUNK_ROWS)
    ]


# --- the measures -------------------------------------------------------------------------------
def shown_columns(groups: Sequence[c.MeasureGroup]) -> tuple[str, ...]:
    """The measure tables' columns, without those empty in the whole report: no deadline, no counted
    target, no comment anywhere leaves "Klart senast", "Mål mot utfall" or "Kommentar" out."""
    rows = [row for group in groups for row in group.rows]
    empty = {
        c.MEASURE_COLUMNS[2]: not any(r.deadline for r in rows),
        c.MEASURE_COLUMNS[3]: not any(r.target for r in rows),
        c.MEASURE_COLUMNS[6]: not any(r.comment.strip() for r in rows),
    }
    return tuple(column for column in c.MEASURE_COLUMNS if not empty.get(column, False))


def measure_widths(groups: Sequence[c.MeasureGroup], width: float) -> list[float]:
    """Åtgärd and Kommentar share what the snug columns (no word split where possible) leave; the
    widths of ``shown_columns`` in their order."""
    rows = [row for group in groups for row in group.rows]
    headers = c.MEASURE_COLUMNS
    shown = shown_columns(groups)
    snug_texts = {
        headers[1]: ([r.responsible for r in rows], [headers[1]]),
        headers[2]: ([r.deadline for r in rows], [headers[2], c.OVERDUE_MARK]),
        headers[3]: ([r.target for r in rows], [headers[3]]),
        headers[4]: ([r.status for r in rows], [headers[4]]),
        headers[5]: ([r.light_text for r in rows], [headers[5]]),
    }
    snug_columns = [column for column in shown if column in snug_texts]
    commented = headers[6] in shown
    snug, flex = snug_widths(
        width,
        [snug_texts[column] for column in snug_columns],
        # Without any comment column the titles take all the room the snug columns leave.
        flex=(0.42, 0.58) if commented else (1.0,),
        cap=0.17,
    )
    widths = dict(zip(snug_columns, snug, strict=True))
    if commented:
        title, comment = flex
        # The title column, too, is kept wide enough for its longest word while the comments keep a quarter.
        need = min(longest_word([r.title for r in rows], fonts.REGULAR) + 2 * CELL_PADDING + 1, width * 0.25)
        shift = max(0.0, min(need - title, comment - width * 0.25))
        title, comment = title + shift, comment - shift
        # However little is said, the column is as wide as its heading ("Kommentar").
        heading = longest_word([headers[6]], fonts.BOLD) + 2 * CELL_PADDING + 1
        if comment < heading:
            title, comment = title - (heading - comment), heading
        widths[headers[6]] = comment
    else:
        (title,) = flex
    widths[headers[0]] = title
    return [widths[column] for column in shown]


def measure_tables(groups: Sequence[c.MeasureGroup], width: float, *, section: str = "") -> list[Flowable]:
    """The ``section`` heading, then per group its heading ("Polisen och kommunen lovar att …", once per
    run of groups with the same one), its title and its tables; headings never stand alone at a page's foot."""
    s = report_styles()
    widths = measure_widths(groups, width)
    columns = shown_columns(groups)
    story: list[Flowable] = []
    if section:
        story.append(CondPageBreak(GROUP_START_ROOM + SECTION_HEADING_ROOM))
        story.append(heading(section, s.section_heading))
    previous = None
    for index, group in enumerate(groups):
        if index:
            story.append(CondPageBreak(GROUP_START_ROOM))
        if group.heading and group.heading != previous:
            story.append(heading(group.heading, s.group_heading))
        previous = group.heading
        story.append(para(group.title, s.group_title))
        for part in chunks(group.rows, CHUNK_ROWS):
            story.append(_measure_table(part, widths, columns))
        story.append(Spacer(1, 4))
    if not groups:
        story.append(para("Överenskommelsen har inga åtgärder.", s.note))
    return story


def _measure_table(rows: Sequence[c.MeasureRow], widths: Sequence[float], columns: Sequence[str]) -> Table:
    s = report_styles()
    body: list[list[TableCell]] = []
    extra: list[TableCommand] = []
    width = dict(zip(columns, widths, strict=True))
    headers = c.MEASURE_COLUMNS
    light_at = list(columns).index(headers[5])
    for index, row in enumerate(rows, start=1):
        # Plain pre-wrapped strings wherever the text allows: Paragraphs cost most of the layout.
        cells: dict[str, TableCell] = {
            headers[0]: plain_cell(row.title, width[headers[0]], s.cell),
            headers[1]: plain_cell(row.responsible, width[headers[1]], s.cell),
            headers[4]: plain_cell(row.status, width[headers[4]], s.cell),
            headers[5]: plain_cell(row.light_text, width[headers[5]], s.cell_centre),
        }
        if headers[2] in width:
            cells[headers[2]] = (plain_cell(row.deadline, width[headers[2]], s.cell) if not row.overdue
                                 else [para(row.deadline, s.cell), para(c.OVERDUE_MARK, s.cell_overdue)])
        if headers[3] in width:
            cells[headers[3]] = plain_cell(row.target, width[headers[3]], s.cell)
        if headers[6] in width:
            cells[headers[6]] = plain_cell(row.comment, width[headers[6]], s.cell) if row.comment.strip() else ""
        body.append([cells[column] for column in columns])
        extra.append(("BACKGROUND", (light_at, index), (light_at, index), charts.light_tint(row.light)))
        extra.append(("LINEBEFORE", (light_at, index), (light_at, index), 3, charts.light_colour(row.light)))
    long_rows = has_long_text(text for row in rows for text in (row.title, row.comment, row.responsible))
    return data_table(columns, body, widths, *text_cells(s.cell), ("ALIGN", (light_at, 1), (light_at, -1), "CENTER"),
                      *extra, split_in_row=long_rows)


# --- changes, indicators ------------------------------------------------------------------------
def moved_section(rows: Sequence[c.ChangeRow], width: float) -> list[Flowable]:
    s = report_styles()
    story: list[Flowable] = [
        heading(c.HEADING_MOVED, s.sheet.heading1),
        para("Åtgärder vars slutdatum eller mål har ändrats, och åtgärder som lagts till eller tagits bort, "
             "jämfört med den första undertecknade versionen.", s.note),
    ]
    if not rows:
        story.append(para("Inget har ändrats sedan undertecknandet.", s.note))
        return story
    body = [
        [para(r.title, s.cell), para(r.responsible, s.cell), para(r.change, s.cell), para(r.planned, s.cell),
         para(r.now, s.cell)]
        for r in rows
    ]
    title, responsible, change, planned, now = c.CHANGE_COLUMNS
    widths = column_widths(width, [
        (title, [], 0.55), (responsible, [r.responsible for r in rows], 0), (change, [], 0.45),
        (planned, [r.planned for r in rows], 0), (now, [r.now for r in rows], 0),
    ])
    story.extend(
        data_table(c.CHANGE_COLUMNS, part, widths) for part in chunks(body, CHUNK_ROWS)
    )
    return story


def indicator_section(items: Sequence[c.IndicatorItem], width: float) -> list[Flowable]:
    """Per indicator: its facts, a line chart of the totals (baseline and target dashed), a table of values."""
    s = report_styles()
    story: list[Flowable] = []
    chart_width = min(width, CHART_MAX_WIDTH)
    for number, item in enumerate(items):
        details = " · ".join(filter(None, [
            item.unit and f"Enhet: {item.unit}", item.source and f"Källa: {item.source}",
            item.area and f"Område: {item.area}", item.direction,
            item.baseline and f"Utgångsläge: {item.baseline}", item.target and f"Mål: {item.target}",
        ]))
        parts: list[Flowable] = [para(item.name, s.group_heading)]
        if number == 0:  # the section heading never stands alone at the foot of a page
            parts.insert(0, heading(c.HEADING_INDICATORS, s.sheet.heading1))
        if details:
            parts.append(para(details, s.note))
        if item.trend:
            parts.append(para(f"Trend: {item.trend}", s.fact_value))
        if item.points:
            parts.append(charts.indicator_chart(item, chart_width))
        parts.extend(_indicator_tables(item, width))
        if not item.columns:
            parts.append(para("Inga värden ännu.", s.note))
        parts.append(Spacer(1, 8))
        story.append(KeepTogether(parts))
    return story


def _indicator_tables(item: c.IndicatorItem, width: float) -> list[Flowable]:
    s = report_styles()
    label_width, column_width = 70.0, 58.0
    per_table = max(int((width - label_width) // column_width), 1)
    tables: list[Flowable] = []
    for start in range(0, len(item.columns), per_table):
        columns = item.columns[start : start + per_table]
        rows = [
            [para(label, s.cell_bold), *(para(text, s.cell_number) for text in texts[start : start + per_table])]
            for label, texts in item.rows
        ]
        tables.append(data_table(
            ["Period", *columns], rows, [label_width, *([column_width] * len(columns))],
            header_styles=[s.header, *([s.header_number] * len(columns))],
        ))
        tables.append(Spacer(1, 4))
    return tables
