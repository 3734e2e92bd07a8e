"""The follow-up report: ``FollowUpContent`` laid out by ``resources/documents/followup.typ``.

Here the content becomes the template's data (plain strings, numbers and colours: user text
stays text, docs/reliability.md P12), the charts become SVG files; the template does the
layout. The PDF is tagged PDF/UA-1 (typst_engine). The same content and options give the
same bytes: the document is dated by the report date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import cm

from promises_app.reports import charts, fonts, typst_engine
from promises_app.reports import followup_content as c
from promises_app.reports.document_data import Piece, cell_text, chart_file, hex_colour, logo_files, page_data
from promises_app.reports.followup_content import FollowUpContent
from promises_app.reports.formatting import log_keywords
from promises_app.reports.page_layout import CELL_PADDING, column_widths, longest_word, snug_widths
from promises_app.reports.report_options import FollowUpOptions, FollowUpSection

#: The widest a chart is drawn (landscape pages would otherwise stretch it thin), in points.
CHART_MAX_WIDTH = 520
#: The report pages' side margin, in centimetres.
MARGIN_CM = 1.8
#: The width of the text on an A4 page, portrait and landscape, in points.
BODY_WIDTH = {False: (21.0 - 2 * MARGIN_CM) * cm, True: (29.7 - 2 * MARGIN_CM) * cm}
#: Each measure column's field in a row of the template's data.
MEASURE_KEYS = dict(zip(c.MEASURE_COLUMNS, ("title", "responsible", "deadline", "target", "status", "light",
                                            "comment"), strict=True))
#: A measure row's field, where the template's key names it differently.
FIELDS = {"light": "light_text"}
#: What the count tables take on a wide page, the chart beside them.
COUNT_TABLE_WIDTH = 250.0


def render_followup_pdf(
    content: FollowUpContent,
    options: FollowUpOptions | None = None,
    *,
    standards: Sequence[str] = typst_engine.ACCESSIBLE,
    dated: date | str | None = None,
    keywords: Sequence[str] = (),
) -> bytes:
    """The follow-up report as PDF bytes (``options``: orientation and whether to draw the logos).

    By default the PDF is tagged PDF/UA-1 and dated by the report date. An adopted report
    (reports/adopted_document.py) is archival, ``typst_engine.ARCHIVAL``, dated by the day it
    was adopted, and names its content's whole hash among its ``keywords``.
    """
    options = options or FollowUpOptions()
    data, files = followup_data(content, options, keywords=keywords)
    return typst_engine.render(
        "followup.typ", data, dated=content.report_date if dated is None else dated, files=files, standards=standards
    )


def followup_data(
    content: FollowUpContent, options: FollowUpOptions, *, keywords: Sequence[str] = ()
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The template's data and the files beside it (logos, charts); ``keywords`` go into the metadata
    after the fingerprint and the log's head."""
    logos, files = logo_files(content.logos if options.logos else ())
    width = BODY_WIDTH[options.landscape]
    columns = measure_columns(content.groups, width)
    overdue_widths = listed_widths(content.overdue, width)
    missing_widths = listed_widths(content.missing, width)
    data: dict[str, Any] = {
        "page": page_data(
            title=f"{content.heading} – {content.agreement_title}",
            subject=content.kind,
            footer=c.footer_text(content.report_date, content.fingerprint, content.log_anchor),
            keywords=[f"medborgarloften-report-fingerprint:{content.fingerprint}" + log_keywords(content.log_anchor),
                      *keywords],
            logos=logos,
            landscape=options.landscape,
            margin_cm=MARGIN_CM,
        ),
        "kind": content.kind,
        "agreement_title": content.agreement_title,
        "heading": content.heading,
        "facts": [list(fact) for fact in content.facts],
        "sections": {section.value: content.has(section) for section in FollowUpSection},
        "labels": labels(),
        "total": content.total,
        "by_status": [count_row(row) for row in content.by_status],
        "by_light": [count_row(row, colour=True) for row in content.by_light],
        "overdue_heading": f"{c.HEADING_OVERDUE} (per {content.overdue_as_of})",
        "overdue": listed_rows(content.overdue, overdue_widths),
        "overdue_widths": overdue_widths,
        "missing": listed_rows(content.missing, missing_widths),
        "missing_widths": missing_widths,
        "measure_columns": columns,
        "groups": [measure_group(group, columns) for group in content.groups],
        "moved": [[r.title, r.responsible, r.change, r.planned, r.now] for r in content.moved],
        "moved_widths": moved_widths(content.moved, width),
        "next_steps": content.next_steps,
        "walk_findings": content.walk_findings,
    }
    beside = width - COUNT_TABLE_WIDTH - 36 >= 320
    data["chart_beside"] = beside
    if content.chart.categories:
        drawing = charts.status_light_bars(content.chart, min(width - COUNT_TABLE_WIDTH - 36 if beside else width,
                                                              CHART_MAX_WIDTH))
        files["chart-summary.svg"] = chart_file(drawing)
        data["chart"] = {
            "file": "chart-summary.svg",
            "width": drawing.width,
            "alt": (f"Liggande staplar: antal åtgärder per status ({', '.join(content.chart.categories)}), "
                    "uppdelade på trafikljus. Siffrorna står i tabellen under diagrammet."),
            "columns": [c.HEADING_BY_STATUS, *(s.label for s in content.chart.series)],
            "rows": [[category, *(str(s.values[i]) for s in content.chart.series)]
                     for i, category in enumerate(content.chart.categories)],
        }
    else:
        data["chart"] = None
    data["indicators"], charts_ = indicator_entries(content.indicators, width)
    files.update(charts_)
    return data, files


def labels() -> dict[str, Any]:
    """Every fixed word the template prints (the content module is where the words live)."""
    return {
        **section_labels(),
        "summary": c.HEADING_SUMMARY, "by_status": c.HEADING_BY_STATUS, "by_light": c.HEADING_BY_LIGHT,
        "chart": c.HEADING_CHART, "missing": c.HEADING_MISSING, "measures": c.HEADING_MEASURES,
        "next_steps": c.HEADING_NEXT_STEPS,
        "count": c.COUNT_COLUMNS[0], "total": c.TOTAL, "list_columns": list(c.LIST_COLUMNS),
        "overdue_mark": c.OVERDUE_MARK,
        "no_overdue": "Inga åtgärder är försenade.",
        "no_missing": "Alla åtgärder som skulle följas upp har en uppföljning för perioden.",
        "no_measures": "Överenskommelsen har inga åtgärder.",
    }


def section_labels() -> dict[str, Any]:
    """The words of the sections the follow-up and the annual report share (report.typ)."""
    return {
        "moved": c.HEADING_MOVED, "indicators": c.HEADING_INDICATORS,
        "change_columns": list(c.CHANGE_COLUMNS),
        "moved_note": ("Åtgärder som fått ett annat datum för när de ska vara klara eller ett annat mål, och "
                       "åtgärder som lagts till eller tagits bort, jämfört med den första undertecknade versionen."),
        "nothing_moved": "Inget har ändrats sedan undertecknandet.",
        "no_values": "Inga värden ännu.",
        "period": "Period",
        "trend": "Trend",
    }


def count_row(row: c.CountRow, *, colour: bool = False) -> dict[str, Any]:
    swatch = hex_colour(charts.light_colour(row.key)) if colour else None
    return {"label": row.label, "count": row.count, "colour": swatch}


def listed_rows(items: Sequence[c.ListedMeasure], widths: Sequence[float]) -> list[list[str | list[Piece]]]:
    """The overdue or missing list's rows: each cell as ``cell_text`` makes it (the title hyphenated)."""
    return [[cell_text(text, column_width, hyphenate=column == 0)
             for column, (text, column_width) in enumerate(zip(
                 (m.title, m.responsible, m.deadline, m.status), widths, strict=True))]
            for m in items]


def measure_columns(groups: Sequence[c.MeasureGroup], width: float) -> list[list[Any]]:
    """[header, key, width] of each shown measure column."""
    return [[column, MEASURE_KEYS[column], column_width]
            for column, column_width in zip(shown_columns(groups), measure_widths(groups, width), strict=True)]


def listed_widths(items: Sequence[c.ListedMeasure], width: float) -> list[float]:
    """The overdue and missing lists' columns: the title takes what the snug ones leave."""
    title, responsible, deadline, status = c.LIST_COLUMNS
    return column_widths(width, [
        (title, [], 1.0), (responsible, [m.responsible for m in items], 0),
        (deadline, [m.deadline for m in items], 0), (status, [m.status for m in items], 0),
    ])


def moved_widths(rows: Sequence[c.ChangeRow], width: float) -> list[float]:
    title, responsible, change, planned, now = c.CHANGE_COLUMNS
    return column_widths(width, [
        (title, [], 0.55), (responsible, [r.responsible for r in rows], 0), (change, [], 0.45),
        (planned, [r.planned for r in rows], 0), (now, [r.now for r in rows], 0),
    ])


#: The measure columns whose text is hyphenated where a word would not fit (``cell_text``).
FLOWING = frozenset({"title", "comment"})


def measure_group(group: c.MeasureGroup, columns: Sequence[Sequence[Any]]) -> dict[str, Any]:
    """A promise's rows for the template, each shown column's text as ``cell_text`` makes it
    (the same text in the same column is looked at once: a report repeats its few comments)."""
    widths = {key: width for _header, key, width in columns}
    known: dict[tuple[str, str], str | list[Piece]] = {}

    def cell(key: str, text: str) -> str | list[Piece]:
        if key not in widths:
            return text
        found = known.get((key, text))
        if found is None:
            found = known[key, text] = cell_text(text, widths[key], hyphenate=key in FLOWING)
        return found

    return {
        "heading": group.heading,
        "title": group.title,
        "rows": [
            {
                "title": cell("title", r.title), "responsible": cell("responsible", r.responsible),
                "deadline": cell("deadline", r.deadline), "overdue": r.overdue,
                "target": cell("target", target_cell(r)), "status": cell("status", r.status),
                "light": r.light_text, "comment": cell("comment", r.comment.strip()),
                "colour": hex_colour(charts.light_colour(r.light)), "tint": hex_colour(charts.light_tint(r.light)),
            }
            for r in group.rows
        ],
    }


def target_cell(row: c.MeasureRow) -> str:
    """"hittills 2 av 4 trygghetsvandringar", and on a line of its own "denna period 1 (inskrivet)"
    (a single line break stays one in the template, common.typ)."""
    return "\n".join(filter(None, (row.target, row.this_period)))


def indicator_entry(item: c.IndicatorItem) -> dict[str, Any]:
    details = " · ".join(filter(None, [
        item.unit and f"Enhet: {item.unit}", item.source and f"Källa: {item.source}",
        item.area and f"Område: {item.area}", item.direction,
        item.baseline and f"Utgångsläge: {item.baseline}", item.target and f"Mål: {item.target}",
    ]))
    return {
        "name": item.name,
        "details": details,
        "trend": item.trend,
        "columns": list(item.columns),
        "rows": [[label, *texts] for label, texts in item.rows],
        "chart": None,
    }


def indicator_entries(items: Sequence[c.IndicatorItem], width: float) -> tuple[list[dict[str, Any]], dict[str, bytes]]:
    """The indicators' entries for ``indicator-section`` (report.typ) and their charts as SVG files."""
    entries: list[dict[str, Any]] = []
    files: dict[str, bytes] = {}
    for number, item in enumerate(items):
        entry = indicator_entry(item)
        if item.points:
            drawing = charts.indicator_chart(item, min(width, CHART_MAX_WIDTH))
            name = f"chart-indicator-{number}.svg"
            files[name] = chart_file(drawing)
            entry["chart"] = {"file": name, "width": drawing.width,
                              "alt": f"Linjediagram: {item.name} per period"
                                     + (", med utgångsläge och mål som streckade linjer" if item.baseline or item.target
                                        else "")
                                     + ". Värdena står i tabellen under diagrammet."}
        entries.append(entry)
    return entries, files


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
        headers[3]: ([*(r.target for r in rows), *(r.this_period for r in rows)], [headers[3]]),
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
