"""The annual (final) report: ``AnnualContent`` laid out by ``resources/documents/annual.typ``.

Here the content becomes the template's data (plain strings, numbers and colours: user text
stays text, docs/reliability.md P12), the per-period chart becomes an SVG file with its
alternative text and its numbers as a table; the template does the layout. The PDF is tagged
PDF/UA-1 (typst_engine) and dated by the report date: the same content and options give the
same bytes.

The status matrix has one column per period. When an agreement has more periods than fit
across the page (24 quarters), the matrix is printed in several parts, each with the measure
columns and a run of periods (``period_runs``); so are the counts per period. Columns empty in
the whole report (no measure has a deadline, a responsible party, a counted target or a
comment) are left out (``Shown``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from promises_app.reports import annual_content as a
from promises_app.reports import charts, fonts, typst_engine
from promises_app.reports import followup_content as f
from promises_app.reports.annual_content import AnnualContent
from promises_app.reports.document_data import chart_file, hex_colour, logo_files, page_data, split_from
from promises_app.reports.followup_pdf import (
    BODY_WIDTH,
    MARGIN_CM,
    indicator_entries,
    moved_widths,
    section_labels,
)
from promises_app.reports.font_metrics import text_width
from promises_app.reports.formatting import log_keywords
from promises_app.reports.page_layout import CELL_FONT_SIZE, CELL_PADDING, longest_word, snug_widths
from promises_app.reports.report_options import AnnualOptions, AnnualSection

#: The narrowest a period column of the matrix is drawn, and the room kept for the measure columns.
PERIOD_COLUMN_MIN = 40.0
MATRIX_LEAD_MIN = 300.0
#: The counts per period: the label column and each period's column, in points.
COUNT_LABEL_WIDTH = 130.0
COUNT_COLUMN_MIN = 40.0
#: The colour swatch before a light's name in the chart's table of numbers.
SWATCH_WIDTH = 12.0
#: The per-period chart stands beside the counts when at least this much room is left (landscape).
CHART_MIN_BESIDE = 300.0
CHART_GAP = 24.0
#: The chart's height: lower beside the counts, so that the summary fits under the title on page 1.
CHART_HEIGHT = 170.0
CHART_HEIGHT_BESIDE = 150.0
#: The chart's width: enough for its legend, and room for each period's column (within the page).
CHART_MIN_WIDTH = 320.0
CHART_PERIOD_WIDTH = 60.0


def render_annual_pdf(content: AnnualContent, options: AnnualOptions | None = None) -> bytes:
    """The annual report as PDF bytes (``options``: orientation and whether to draw the logos)."""
    options = options or AnnualOptions()
    data, files = annual_data(content, options)
    return typst_engine.render("annual.typ", data, dated=content.report_date, files=files)


def annual_data(content: AnnualContent, options: AnnualOptions) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The template's data and the files beside it (logos, charts)."""
    logos, files = logo_files(content.logos if options.logos else ())
    width = BODY_WIDTH[options.landscape]
    shown = Shown.of(content)
    indicators, indicator_charts = indicator_entries(content.indicators, width)
    files.update(indicator_charts)
    summary = summary_data(content, width, files) if content.has(AnnualSection.SUMMARY) else None
    data: dict[str, Any] = {
        "page": page_data(
            title=f"{content.heading} – {content.agreement_title}",
            subject=content.kind,
            footer=f.footer_text(content.report_date, content.fingerprint, content.log_anchor),
            keywords=[f"medborgarloften-report-fingerprint:{content.fingerprint}" + log_keywords(content.log_anchor)],
            logos=logos,
            landscape=options.landscape,
            margin_cm=MARGIN_CM,
        ),
        "kind": content.kind,
        "agreement_title": content.agreement_title,
        "heading": content.heading,
        "facts": [list(fact) for fact in content.facts],
        "sections": {section.value: content.has(section) for section in AnnualSection},
        "labels": labels(),
        "summary": summary,
        "matrix": matrix_data(content, width, shown),
        "completed": completed_data(content, width, shown),
        "carry_over": carry_over_data(content, width, shown),
        "moved": [[r.title, r.responsible, r.change, r.planned, r.now] for r in content.moved],
        "moved_widths": moved_widths(content.moved, width),
        "indicators": indicators,
        "next_steps": content.next_steps,
    }
    return data, files


def labels() -> dict[str, Any]:
    """Every fixed word the template prints besides the content's own."""
    return {
        **section_labels(),
        "summary": a.HEADING_SUMMARY, "chart": a.HEADING_CHART, "matrix": a.HEADING_MATRIX,
        "completed": a.HEADING_COMPLETED, "carry_over": a.HEADING_CARRY_OVER, "next_steps": a.HEADING_NEXT_STEPS,
        "no_measures": "Överenskommelsen har inga åtgärder.",
        "none_completed": "Ingen åtgärd är rapporterad som genomförd.",
        "carry_over_note": "Åtgärder som inte är rapporterade som genomförda: kandidater till nästa års "
                           "medborgarlöften.",
        "all_completed": "Alla åtgärder är genomförda.",
    }


def period_runs(count: int, per_table: int) -> list[range]:
    """The periods' indices in runs of at most ``per_table``, as even as possible (24 by 11: 8, 8, 8)."""
    per_table = max(per_table, 1)
    tables = max(math.ceil(count / per_table), 1)
    size = math.ceil(count / tables) if count else 1
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def run_data(run: range) -> dict[str, int]:
    """A run of periods as the template slices it: ``start`` up to (not including) ``end``."""
    return {"start": run.start, "end": run.stop}


@dataclass(frozen=True)
class Shown:
    """The optional measure columns: each is left out when it is empty in the whole report."""

    responsible: bool
    deadline: bool
    result: bool
    comment: bool

    @classmethod
    def of(cls, content: AnnualContent) -> Shown:
        rows = [row for group in content.matrix for row in group.rows]
        listed = [*content.completed, *content.carry_over]
        return cls(
            responsible=any(r.responsible for r in rows) or any(m.responsible for m in listed),
            deadline=any(r.deadline for r in rows) or any(m.deadline for m in listed),
            result=any(r.result for r in rows),
            comment=any(m.note.strip() for m in content.carry_over),
        )


# --- counts per period, and the chart ----------------------------------------------------------
def summary_data(content: AnnualContent, width: float, files: dict[str, bytes]) -> dict[str, Any]:
    """The counts per status and period (in runs of periods), the chart and its numbers; on a wide page
    with one run, the chart stands beside the counts."""
    shorts = [p.short for p in content.periods]
    column_width = max(COUNT_COLUMN_MIN, longest_word(shorts, fonts.BOLD) + 2 * CELL_PADDING + 2)
    per_table = int((width - COUNT_LABEL_WIDTH) // column_width)
    runs = period_runs(len(content.periods), per_table)
    table_width = COUNT_LABEL_WIDTH + column_width * len(runs[0])
    room_beside = width - table_width - CHART_GAP
    beside = len(runs) == 1 and room_beside >= CHART_MIN_BESIDE
    summary: dict[str, Any] = {
        "beside": beside,
        "table_width": table_width,
        "gap": CHART_GAP,
        "label_width": COUNT_LABEL_WIDTH,
        "column_width": column_width,
        "swatch_width": SWATCH_WIDTH,
        "periods": shorts,
        "runs": [run_data(run) for run in runs],
        "status_header": f.HEADING_BY_STATUS,
        "lines": [
            {"label": line.label, "total": line.key == "total", "counts": [str(n) for n in line.counts]}
            for line in content.status_counts
        ],
        "chart": None,
    }
    if content.chart.series:
        natural = max(CHART_MIN_WIDTH, 80 + CHART_PERIOD_WIDTH * len(content.periods))
        chart_width = min(room_beside if beside else width, natural)
        drawing = charts.period_light_columns(content.chart, chart_width,
                                              CHART_HEIGHT_BESIDE if beside else CHART_HEIGHT)
        files["chart-periods.svg"] = chart_file(drawing)
        series = content.chart.series
        where = "till vänster om diagrammet" if beside else "under diagrammet"
        summary["chart"] = {
            "file": "chart-periods.svg",
            "width": drawing.width,
            "alt": (f"Staplar: antal åtgärder per period ({', '.join(shorts)}), uppdelade på "
                    f"trafikljus ({', '.join(s.label for s in series)}). Siffrorna står i tabellen {where}."),
            "header": f.HEADING_BY_LIGHT,
            "lines": [
                {"label": s.label, "colour": hex_colour(charts.light_colour(s.key)),
                 "counts": [str(n) for n in s.values]}
                for s in series
            ],
        }
    return summary


# --- the matrix -------------------------------------------------------------------------------------
def matrix_data(content: AnnualContent, width: float, shown: Shown) -> dict[str, Any]:
    """The status matrix: its runs of periods (each with its measure columns' widths) and its groups."""
    rows = [row for group in content.matrix for row in group.rows]
    # A line may break after "/" too: "Inställd/Framflyttad" needs the room of "Framflyttad".
    cell_words = sorted({word.replace("/", "/ ") for row in rows for cell in row.cells
                         for word in (cell.text, cell.count)})
    period_width = max(
        PERIOD_COLUMN_MIN,
        longest_word(cell_words, fonts.REGULAR) + 2 * CELL_PADDING + 2,
        longest_word([p.short for p in content.periods], fonts.BOLD) + 2 * CELL_PADDING + 2,
    )
    per_table = int(max(width - MATRIX_LEAD_MIN, period_width) // period_width)
    runs = period_runs(len(content.periods), per_table)
    header, responsible, deadline = a.MATRIX_LEAD_COLUMNS
    lead = [
        (key, column, texts, weight)
        for key, column, texts, weight, wanted in (
            ("title", header, [r.title for r in rows], 1.0, True),
            ("responsible", responsible, [r.responsible for r in rows], 0, shown.responsible),
            ("deadline", deadline, [r.deadline for r in rows], 0, shown.deadline),
            ("result", a.MATRIX_RESULT_COLUMN, [r.result for r in rows], 0, shown.result),
        )
        if wanted
    ]
    parts = []
    for run in runs:
        first, last = content.periods[run[0]], content.periods[run[-1]]
        widths = fitted_widths(width - period_width * len(run),
                               [(column, texts, weight) for _key, column, texts, weight in lead],
                               cap=0.3, flex_share=0.4)
        parts.append({
            **run_data(run),
            "heading": f"Perioder {first.short} – {last.short}" if len(runs) > 1 else "",
            "columns": [[column, key, w, split_from(texts, w)]
                        for (key, column, texts, _weight), w in zip(lead, widths, strict=True)],
        })
    return {
        "legend": content.matrix_legend,
        "period_width": period_width,
        "periods": [p.short for p in content.periods],
        "runs": parts,
        "groups": [
            {
                "heading": group.heading,
                "title": group.title,
                "rows": [
                    {
                        "title": row.title, "responsible": row.responsible, "deadline": row.deadline,
                        "result": row.result, "cells": [_matrix_cell(cell) for cell in row.cells],
                    }
                    for row in group.rows
                ],
            }
            for group in content.matrix
        ],
    }


def _matrix_cell(cell: a.MatrixCell) -> dict[str, Any]:
    tint, colour = light_colours(cell.light)
    return {"text": cell.text, "count": cell.count, "tint": tint, "colour": colour}


@cache
def light_colours(light: str) -> tuple[str, str | None]:
    """A light's pale tint (a cell's background) and its colour (the bar on the cell's left; None
    for no light), as ``#rrggbb``."""
    return hex_colour(charts.light_tint(light)), (hex_colour(charts.light_colour(light)) if light != f.NO_LIGHT
                                                   else None)


# --- completed and carried over ------------------------------------------------------------------
def completed_data(content: AnnualContent, width: float, shown: Shown) -> dict[str, Any]:
    title, responsible, deadline, when = a.COMPLETED_COLUMNS
    items = content.completed
    return {
        "columns": _columns(width, [
            ("title", title, [m.title for m in items], 1.0, True),
            ("responsible", responsible, [m.responsible for m in items], 0, shown.responsible),
            ("deadline", deadline, [m.deadline for m in items], 0, shown.deadline),
            ("status", when, [m.status for m in items], 0, True),
        ], cap=0.25, flex_share=0.45),
        "rows": [_listed(m, light=False) for m in items],
    }


def carry_over_data(content: AnnualContent, width: float, shown: Shown) -> dict[str, Any]:
    title, responsible, deadline, status, comment = a.CARRY_OVER_COLUMNS
    items = content.carry_over
    return {
        "columns": _columns(width, [
            ("title", title, [m.title for m in items], 0.45 if shown.comment else 1.0, True),
            ("responsible", responsible, [m.responsible for m in items], 0, shown.responsible),
            ("deadline", deadline, [m.deadline for m in items], 0, shown.deadline),
            ("status", status, [m.status for m in items], 0, True),
            ("note", comment, [m.note for m in items], 0.55, shown.comment),
        ], cap=0.18, flex_share=0.6),
        "rows": [_listed(m, light=True) for m in items],
    }


def _listed(m: f.ListedMeasure, *, light: bool) -> dict[str, Any]:
    """A listed measure's row; with ``light`` its status cell carries the light (what carries over),
    without it plain (the completed list says when each measure was reported done)."""
    tint, colour = light_colours(m.light) if light else (None, None)
    return {
        "title": m.title, "responsible": m.responsible, "deadline": m.deadline, "status": m.status,
        "note": m.note.strip("\n"), "tint": tint, "colour": colour,
    }


def _columns(
    width: float, columns: Sequence[tuple[str, str, Sequence[str], float, bool]], *, cap: float, flex_share: float
) -> list[list[Any]]:
    """[header, key, width, split_from] of each shown column (key: the row's field; weight 0: a snug
    column, the others share the rest by weight, as in ``fitted_widths``)."""
    kept = [(key, header, texts, weight) for key, header, texts, weight, wanted in columns if wanted]
    widths = fitted_widths(width, [(header, texts, weight) for _key, header, texts, weight in kept],
                           cap=cap, flex_share=flex_share)
    return [[header, key, w, split_from(texts, w)]
            for (key, header, texts, _weight), w in zip(kept, widths, strict=True)]


def fitted_widths(
    width: float, columns: Sequence[tuple[str, Sequence[str], float]], *, cap: float, flex_share: float
) -> list[float]:
    """Widths for columns given as (header, cell texts, weight), in their order.

    A snug column (weight 0) is at least as wide as its longest word (``page_layout.snug_widths``)
    and grows towards its longest text, so that "Lokalpolisområde Solna" or "37 av 150 kontroller
    (rapporterat T1 2023)" stays on one line, as far as the others (a measure's title, a comment)
    keep ``flex_share`` of ``width`` between them: each grows by the same share of what it lacks.
    Never wider than ``cap`` of ``width``; the flexible columns share the rest by weight.
    """
    columns = [(header, sorted(set(texts)), weight) for header, texts, weight in columns]  # each text measured once
    snug = [(header, texts) for header, texts, weight in columns if not weight]
    words, _flex = snug_widths(width, [(texts, [header]) for header, texts in snug], flex=(1.0,), cap=cap)
    natural = [
        max(word, min(width * cap, 2 * CELL_PADDING + 1 + max(
            (text_width(line, fonts.REGULAR, CELL_FONT_SIZE) for text in texts for line in text.split("\n")),
            default=0.0)))
        for word, (_header, texts) in zip(words, snug, strict=True)
    ]
    lacking = sum(natural) - sum(words)
    budget = max(width * (1 - flex_share) - sum(words), 0.0)
    grow = min(budget / lacking, 1.0) if lacking > 0 else 0.0
    fitted = iter([word + (full - word) * grow for word, full in zip(words, natural, strict=True)])
    snug_widths_ = [next(fitted) for _ in snug]
    rest = width - sum(snug_widths_)
    total = sum(weight for _header, _texts, weight in columns) or 1.0
    ordered = iter(snug_widths_)
    return [rest * weight / total if weight else next(ordered) for _header, _texts, weight in columns]
