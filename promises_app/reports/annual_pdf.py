"""The annual (final) report: ``AnnualContent`` laid out as an A4 PDF, landscape by default.

Layout only (words from ``annual_content``, styles from ``page_layout.report_styles``, charts
from ``charts``); user text through ``page_layout.markup`` (P12). The status matrix has one
column per period; when an agreement has more periods than fit across the page, the matrix is
printed in several parts, each with the measure columns and a run of periods. Rows come in
small tables (per promise, at most ``CHUNK_ROWS`` rows) with a repeated header row.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from promises_app.reports import annual_content as a
from promises_app.reports import charts, fonts
from promises_app.reports.annual_content import AnnualContent
from promises_app.reports.followup_content import footer_text
from promises_app.reports.followup_rl_old import (  # until annual.typ: removed with it
    CHART_MAX_WIDTH,
    CHUNK_ROWS,
    indicator_section,
    moved_section,
    title_block,
)
from promises_app.reports.formatting import log_keywords
from promises_app.reports.page_layout import (
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
    render_document,
    report_styles,
    snug_widths,
    table_style,
)
from promises_app.reports.report_options import AnnualOptions, AnnualSection

#: The narrowest a period column of the matrix is drawn, and the room kept for the measure columns.
PERIOD_COLUMN_MIN = 40.0
MATRIX_LEAD_MIN = 300.0
COUNT_LABEL_WIDTH = 130.0
COUNT_COLUMN_WIDTH = 52.0
#: The per-period chart stands beside the counts when at least this much room is left (landscape).
CHART_MIN_BESIDE = 300.0
CHART_GAP = 24.0


def render_annual_pdf(content: AnnualContent, options: AnnualOptions | None = None) -> bytes:
    """The annual report as PDF bytes (``options``: orientation and whether to draw the logos)."""
    options = options or AnnualOptions()
    logos = content.logos if options.logos else ()
    geometry = page_geometry(landscape=options.landscape, logos=bool(logos))
    return render_document(
        annual_story(content, geometry),
        geometry,
        title=f"{content.heading} – {content.agreement_title}",
        subject=content.kind,
        footer=footer_text(content.report_date, content.fingerprint, content.log_anchor),
        logos=logos,
        keywords=f"medborgarloften-report-fingerprint:{content.fingerprint}" + log_keywords(content.log_anchor),
    )


def _heading(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def annual_story(content: AnnualContent, geometry: PageGeometry) -> list[Flowable]:
    s = report_styles()
    width = geometry.width
    story = title_block(content.kind, content.agreement_title, content.heading, content.facts, width)
    if content.has(AnnualSection.SUMMARY):
        story.extend(summary_section(content, width))
    if content.has(AnnualSection.MATRIX):
        story.append(CondPageBreak(max(geometry.height * 0.5, GROUP_START_ROOM + SECTION_HEADING_ROOM)))
        story.append(_heading(a.HEADING_MATRIX, s.section_heading))
        if content.matrix_legend:
            story.append(para(content.matrix_legend, s.note))
        story.extend(matrix_tables(content, width))
    if content.has(AnnualSection.COMPLETED):
        story.append(_heading(a.HEADING_COMPLETED, s.sheet.heading1))
        story.extend(_completed(content, width))
    if content.has(AnnualSection.CARRY_OVER):
        story.append(_heading(a.HEADING_CARRY_OVER, s.sheet.heading1))
        story.extend(_carry_over(content, width))
    if content.has(AnnualSection.MOVED):
        story.extend(moved_section(content.moved, width))
    if content.has(AnnualSection.INDICATORS) and content.indicators:
        story.extend(indicator_section(content.indicators, width))
    if content.has(AnnualSection.NEXT_STEPS) and content.next_steps:
        story.append(_heading(a.HEADING_NEXT_STEPS, s.sheet.heading1))
        story.extend(paragraphs(content.next_steps, s.sheet.body))
    return story


def period_runs(count: int, per_table: int) -> list[range]:
    """The periods' indices in runs of at most ``per_table``, as even as possible (24 by 11: 8, 8, 8)."""
    per_table = max(per_table, 1)
    tables = max(math.ceil(count / per_table), 1)
    size = math.ceil(count / tables) if count else 1
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


# --- counts per period ----------------------------------------------------------------------------
def summary_section(content: AnnualContent, width: float) -> list[Flowable]:
    s = report_styles()
    story: list[Flowable] = [_heading(a.HEADING_SUMMARY, s.sheet.heading1)]
    per_table = int((width - COUNT_LABEL_WIDTH) // COUNT_COLUMN_WIDTH)
    runs = period_runs(len(content.periods), per_table)
    tables = _count_tables(content, runs)
    table_width = COUNT_LABEL_WIDTH + COUNT_COLUMN_WIDTH * len(runs[0]) if runs else width
    chart = None
    if content.chart.series:
        beside = width - table_width - CHART_GAP
        if len(runs) == 1 and beside >= CHART_MIN_BESIDE:  # landscape: the chart beside the table
            chart = charts.period_light_columns(content.chart, min(beside, CHART_MAX_WIDTH))
            row = Table([[tables, [_heading(a.HEADING_CHART, s.chart_caption), chart]]],
                        colWidths=[table_width + CHART_GAP, width - table_width - CHART_GAP], hAlign="LEFT")
            row.setStyle(table_style(("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                     header=False, grid=False))
            return [*story, row]
    for table, spacer in zip(tables[::2], tables[1::2], strict=True):  # a small table never splits
        story.append(KeepTogether([table, spacer]))
    if content.chart.series:
        story.append(KeepTogether([
            _heading(a.HEADING_CHART, s.sheet.heading2),
            charts.period_light_columns(content.chart, min(width, max(CHART_MAX_WIDTH, 34.0 * len(content.periods)))),
        ]))
    return story


def _count_tables(content: AnnualContent, runs: list[range]) -> list[Flowable]:
    s = report_styles()
    story: list[Flowable] = []
    last_line = len(content.status_counts)
    for run in runs:
        header = ["Status", *(content.periods[i].short for i in run)]
        rows = []
        for line in content.status_counts:
            style = s.cell_bold if line.key == "total" else s.cell
            number = s.cell_number_bold if line.key == "total" else s.cell_number
            rows.append([para(line.label, style), *(para(str(line.counts[i]), number) for i in run)])
        story.append(data_table(
            header, rows, [COUNT_LABEL_WIDTH, *([COUNT_COLUMN_WIDTH] * len(run))],
            ("LINEABOVE", (0, last_line), (-1, last_line), 0.9, charts.BASELINE_COLOUR),
            header_styles=[s.header, *([s.header_number] * len(run))],
        ))
        story.append(Spacer(1, 6))
    return story


# --- the matrix -------------------------------------------------------------------------------------
def matrix_tables(content: AnnualContent, width: float) -> list[Flowable]:
    s = report_styles()
    rows = [row for group in content.matrix for row in group.rows]
    if not rows:
        return [para("Överenskommelsen har inga åtgärder.", s.note)]
    cell_words = [word for row in rows for cell in row.cells for word in (cell.text, cell.count)]
    counted = any(row.result for row in rows)  # the result column only where a measure is counted
    period_width = max(
        PERIOD_COLUMN_MIN,
        longest_word(cell_words, fonts.REGULAR) + 8,
        longest_word([p.short for p in content.periods], fonts.BOLD) + 8,
    )
    per_table = int(max(width - MATRIX_LEAD_MIN, period_width) // period_width)
    runs = period_runs(len(content.periods), per_table)
    story: list[Flowable] = []
    for run in runs:
        if len(runs) > 1:
            first, last = content.periods[run[0]], content.periods[run[-1]]
            story.append(CondPageBreak(GROUP_START_ROOM + SECTION_HEADING_ROOM))
            story.append(_heading(f"Perioder {first.short} – {last.short}", s.section_heading))
        lead_width = width - period_width * len(run)
        snug = [([r.responsible for r in rows], [a.MATRIX_LEAD_COLUMNS[1]]),
                ([r.deadline for r in rows], [a.MATRIX_LEAD_COLUMNS[2]])]
        if counted:
            snug.append(([r.result for r in rows], [a.MATRIX_RESULT_COLUMN]))
        snugs, (title,) = snug_widths(lead_width, snug, flex=(1.0,), cap=0.3)
        widths = [title, *snugs, *([period_width] * len(run))]
        previous = None
        for index, group in enumerate(content.matrix):
            if index:
                story.append(CondPageBreak(GROUP_START_ROOM))
            if group.heading and group.heading != previous:
                story.append(_heading(group.heading, s.group_heading))
            previous = group.heading
            story.append(para(group.title, s.group_title))
            for part in chunks(group.rows, CHUNK_ROWS):
                story.append(_matrix_table(part, run, content, widths, counted=counted))
            story.append(Spacer(1, 4))
    return story


def _matrix_table(
    rows: Sequence[a.MatrixRow], run: range, content: AnnualContent, widths: list[float], *, counted: bool
) -> Table:
    s = report_styles()
    lead = [*a.MATRIX_LEAD_COLUMNS, *([a.MATRIX_RESULT_COLUMN] if counted else [])]
    header = [*lead, *(content.periods[i].short for i in run)]
    body: list[list[TableCell]] = []
    extra: list[TableCommand] = []
    for r, row in enumerate(rows, start=1):
        cells: list[TableCell] = [para(row.title, s.cell), para(row.responsible, s.cell), para(row.deadline, s.cell)]
        if counted:
            cells.append(para(row.result, s.cell))
        for column, index in enumerate(run, start=len(lead)):
            cell = row.cells[index]
            cells.append([para(cell.text, s.cell_centre), para(cell.count, s.cell_centre)] if cell.count
                         else para(cell.text, s.cell_centre))
            extra.append(("BACKGROUND", (column, r), (column, r), charts.light_tint(cell.light)))
            if cell.light != a.NO_LIGHT:
                extra.append(("LINEBEFORE", (column, r), (column, r), 3, charts.light_colour(cell.light)))
        body.append(cells)
    header_styles = [*([s.header] * len(lead)), *([s.header_centre] * len(run))]
    return data_table(header, body, widths, *extra, header_styles=header_styles)


# --- completed and carried over ------------------------------------------------------------------
def _completed(content: AnnualContent, width: float) -> list[Flowable]:
    s = report_styles()
    if not content.completed:
        return [para("Ingen åtgärd är rapporterad som genomförd.", s.note)]
    rows = [[para(m.title, s.cell), para(m.responsible, s.cell), para(m.deadline, s.cell), para(m.status, s.cell)]
            for m in content.completed]
    title, responsible, deadline, when = a.COMPLETED_COLUMNS
    items = content.completed
    widths = column_widths(width, [
        (title, [], 1.0), (responsible, [m.responsible for m in items], 0),
        (deadline, [m.deadline for m in items], 0), (when, [m.status for m in items], 0),
    ])
    return [data_table(a.COMPLETED_COLUMNS, part, widths) for part in chunks(rows, CHUNK_ROWS)]


def _carry_over(content: AnnualContent, width: float) -> list[Flowable]:
    s = report_styles()
    story: list[Flowable] = [para(
        "Åtgärder som inte är rapporterade som genomförda: kandidater till nästa års medborgarlöften.", s.note
    )]
    if not content.carry_over:
        story.append(para("Alla åtgärder är genomförda.", s.note))
        return story
    title, responsible, deadline, status, comment = a.CARRY_OVER_COLUMNS
    items = content.carry_over
    widths = column_widths(width, [
        (title, [], 0.45), (responsible, [m.responsible for m in items], 0),
        (deadline, [m.deadline for m in items], 0), (status, [m.status for m in items], 0), (comment, [], 0.55),
    ], cap=0.16)
    for part in chunks(content.carry_over, CHUNK_ROWS):
        rows = []
        extra: list[TableCommand] = []
        for r, m in enumerate(part, start=1):
            rows.append([para(m.title, s.cell), para(m.responsible, s.cell), para(m.deadline, s.cell),
                         para(m.status, s.cell), paragraphs(m.note, s.cell) or ""])
            extra.append(("BACKGROUND", (3, r), (3, r), charts.light_tint(m.light)))
            if m.light != a.NO_LIGHT:
                extra.append(("LINEBEFORE", (3, r), (3, r), 3, charts.light_colour(m.light)))
        long_rows = has_long_text(text for m in part for text in (m.title, m.note))
        story.append(data_table(a.CARRY_OVER_COLUMNS, rows, widths, *extra, split_in_row=long_rows))
    return story
