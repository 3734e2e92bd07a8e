"""The agreement as ReportLab laid it out before Typst: kept only for revisions signed before schema 7.

A revision signed before schema 7 kept the SHA-256 and size of its PDF, not the bytes
(migration 0007). Printing it, ``verify``'s first-difference report and ``verify-db``'s
reproducibility check make that PDF again from the frozen snapshot, and it must come out byte
for byte the same as what was hashed at signing (docs/reliability.md, P11). Only the renderer
of that time can do so, so this module stays as it was: do not change its layout, its words or
what it imports from ``styles`` and ``page_layout`` (``tests/reports/test_legacy_agreement_pdf``
pins its output). Every other agreement PDF (drafts, revisions signed since, imported ones) is
laid out by Typst (``agreement_pdf``). ``agreement_document`` decides which one a revision needs.

Layout only: every word comes from the content (``agreement_content``), every style from
``styles``. Body text flows through one frame of a page template; only the running header
(logos) and the footer ("Sida X av Y · Revision N · Fingeravtryck …") are drawn on the
canvas, by the page template and by a canvas that counts the pages before it writes them.

User text is text (docs/reliability.md, P12): each string is escaped before it becomes Paragraph
markup, and line breaks become ``<br/>`` only after escaping, so no tag, entity, link, image,
font or colour in the data ever reaches ReportLab's markup parser as markup.

The same content renders to the same bytes (P11): ``invariant=1`` fixes the dates and the
document id ReportLab would otherwise take from the clock.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from promises_app.reports import agreement_content as c
from promises_app.reports import fonts, styles
from promises_app.reports.agreement_content import AgreementContent
from promises_app.reports.agreement_pdf import content_keywords
from promises_app.reports.formatting import log_footer
from promises_app.reports.page_layout import (
    PageDrawer,
    TableCell,
    body_frame,
    logo_header,
    markup,
    numbered_canvas,
    paragraphs,
)

__all__ = ["render_legacy_agreement_pdf"]


# --- user text → Paragraphs (escaped: page_layout.markup) --------------------------------
def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text), style)


def _bullet(text: str, style: ParagraphStyle) -> Paragraph:
    # bulletText is our own constant, never user text.
    return Paragraph(markup(text), style, bulletText="•")


# --- flowables --------------------------------------------------------------------------------
class SignatureLine(Flowable):
    """Room to sign, with the line to sign on at its bottom (as wide as its column allows)."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self._height = height
        self._width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - ReportLab's names
        self._width = availWidth
        return availWidth, self._height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(styles.RULE)
        self.canv.setLineWidth(0.7)
        self.canv.line(0, 0, self._width * 0.92, 0)
        self.canv.restoreState()


# --- the document -----------------------------------------------------------------------------
def render_legacy_agreement_pdf(
    content: AgreementContent, *, appendix: bool = True, logos: dict[str, bytes] | None = None
) -> bytes:
    """The agreement as the pre-schema-7 program printed it. ``logos``: PNG bytes by party name, in party order."""
    sheet = styles.stylesheet()
    header_logos = _header_logos(content, logos or {})
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=styles.PAGE_SIZE,
        leftMargin=styles.MARGIN_LEFT,
        rightMargin=styles.MARGIN_RIGHT,
        topMargin=styles.MARGIN_TOP,
        bottomMargin=styles.MARGIN_BOTTOM,
        title=content.title,
        subject=content.kind,
        author="",
        creator="Medborgarlöften",
        keywords=[content_keywords(content)],  # one string: ReportLab joins a list with ", "
        invariant=1,
        lang="sv-SE",
        initialFontName=fonts.REGULAR,
    )
    on_page = _header(content, header_logos)
    landscape_size = landscape(styles.PAGE_SIZE)
    landscape_width = landscape_size[0] - styles.MARGIN_LEFT - styles.MARGIN_RIGHT
    landscape_height = landscape_size[1] - styles.MARGIN_TOP - styles.MARGIN_BOTTOM
    document.addPageTemplates(
        [
            PageTemplate(id="portrait", frames=[_frame(document.width, document.height)], onPage=on_page),
            # The action plan is a wide table: it gets pages turned sideways.
            PageTemplate(
                id="landscape", frames=[_frame(landscape_width, landscape_height)], onPage=on_page,
                pagesize=landscape_size,
            ),
        ]
    )
    story = _story(content, sheet, document.width, appendix=appendix, appendix_width=landscape_width)
    footer = f"Revision {content.revision} · Fingeravtryck {content.fingerprint}" + log_footer(content.log_anchor)
    document.build(story, canvasmaker=numbered_canvas(footer))
    return buffer.getvalue()


def _frame(width: float, height: float) -> Frame:
    return body_frame(styles.MARGIN_LEFT, styles.MARGIN_BOTTOM, width, height)


def _story(
    content: AgreementContent, sheet: styles.Styles, width: float, *, appendix: bool, appendix_width: float
) -> list[Flowable]:
    story: list[Flowable] = [
        _para(content.kind, sheet.kind),
        _para(content.title, sheet.title),
    ]
    if content.is_draft:
        story.append(Paragraph("Utkast – inte undertecknat", sheet.draft_note))

    def section(heading: str, text: str) -> None:
        if text.strip():
            story.append(Paragraph(escape(heading), sheet.heading1))
            story.extend(paragraphs(text, sheet.body))

    section(c.HEADING_INTRODUCTION, content.introduction)
    section(c.HEADING_SITUATION, content.situation)
    if content.goals:
        story.append(Paragraph(escape(c.HEADING_GOALS), sheet.heading1))
        story.extend(_bullet(goal, sheet.bullet) for goal in content.goals)
    if content.focus_areas:
        story.append(Paragraph(escape(c.HEADING_FOCUS_AREAS), sheet.heading1))
        for area in content.focus_areas:
            story.append(_bullet(area.name, sheet.focus_name))
            story.extend(paragraphs(area.description, sheet.focus_text))
    if content.promise_groups:
        story.append(Paragraph(escape(c.HEADING_PROMISES), sheet.heading1))
        for group in content.promise_groups:
            story.append(Paragraph(escape(group.heading), sheet.heading2))
            for promise in group.promises:
                story.extend(_promise(promise, sheet))
    section(c.HEADING_EFFECTS, content.intended_effects)
    section(c.HEADING_FOLLOW_UP, content.follow_up_text)
    story.append(Paragraph(escape(c.HEADING_VALIDITY), sheet.heading1))
    story.append(_para(content.validity, sheet.body))
    if content.case_number:
        story.append(_para(f"Diarienummer: {content.case_number}", sheet.body))
    story.append(_signatures(content, sheet, width))
    if appendix and content.action_plan:
        story.append(NextPageTemplate("landscape"))
        story.append(PageBreak())
        story.append(Paragraph(escape(c.HEADING_ACTION_PLAN), sheet.heading1))
        story.append(_action_plan_table(content, sheet, appendix_width))
    return story


def _promise(promise: c.PromiseItem, sheet: styles.Styles) -> list[Flowable]:
    flowables: list[Flowable] = [_para(promise.text, sheet.promise)]
    flowables.extend(paragraphs(promise.description, sheet.body))
    for measure in promise.measures:
        # A measure stays on one page when it fits, so its details never start the next one.
        parts: list[Flowable] = [_bullet(measure.title, sheet.measure_title)]
        parts.extend(paragraphs(measure.description, sheet.measure_text))
        parts.extend(_para(detail, sheet.measure_detail) for detail in measure.details)
        flowables.append(KeepTogether(parts))
    return flowables


def _signatures(content: AgreementContent, sheet: styles.Styles, width: float) -> Flowable:
    """Place and date, then one column per party (rows of at most three), columns aligned."""
    blocks = list(content.signature_blocks)
    columns = max(1, min(len(blocks), styles.SIGNATURE_COLUMNS_MAX))
    col_width = width / columns
    parts: list[Flowable] = [
        Paragraph(escape(c.HEADING_SIGNATURES), sheet.heading1),
        _para(content.place_and_date, sheet.place_date),
    ]
    for start in range(0, len(blocks), columns):
        chunk = blocks[start : start + columns]
        chunk_rows = _signature_rows(chunk, columns, sheet)
        table = Table(chunk_rows, colWidths=[col_width] * columns, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # for the empty cells: no Helvetica
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 14),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        parts.append(table)
        parts.append(Spacer(1, 18))
    return KeepTogether(parts)


def _signature_rows(chunk: Sequence[c.SignatureBlock], columns: int, sheet: styles.Styles) -> list[list[TableCell]]:
    """Rows: the party names, then per signatory a row to sign on and a row with name and title.

    Every party has at least one line to sign on, even before its signatories are named.
    """
    depth = max(max(len(block.signatories) for block in chunk), 1)
    rows: list[list[TableCell]] = [[_para(block.party, sheet.party) for block in chunk]]
    for index in range(depth):
        sign_row: list[TableCell] = []
        name_row: list[TableCell] = []
        for block in chunk:
            has_line = index < len(block.signatories) or (index == 0 and not block.signatories)
            sign_row.append(SignatureLine(styles.SIGNATURE_SPACE) if has_line else "")
            if index < len(block.signatories):
                signatory = block.signatories[index]
                cell = [_para(signatory.name, sheet.signatory_name)]
                if signatory.title:
                    cell.append(_para(signatory.title, sheet.signatory_title))
                name_row.append(cell)
            else:
                name_row.append("")
        rows.extend([sign_row, name_row])
    for row in rows:  # pad a short last row so its columns line up with the rows above
        row.extend([""] * (columns - len(row)))
    return rows


def _action_plan_table(content: AgreementContent, sheet: styles.Styles, width: float) -> Table:
    fractions = (0.24, 0.24, 0.16, 0.14, 0.22)
    header: list[TableCell] = [Paragraph(escape(title), sheet.table_header) for title in c.ACTION_PLAN_COLUMNS]
    rows: list[list[TableCell]] = [header]
    for row in content.action_plan:
        rows.append(
            [
                paragraphs(text, sheet.table_cell) or ""
                for text in (row.cause, row.measure, row.target, row.when, row.who)
            ]
        )
    table = Table(
        rows,
        colWidths=[width * f for f in fractions],
        repeatRows=1,
        splitInRow=1,  # a very long cell continues on the next page instead of failing
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # for the empty cells: no Helvetica
                ("BACKGROUND", (0, 0), (-1, 0), styles.TABLE_HEADER_BACKGROUND),
                ("GRID", (0, 0), (-1, -1), 0.5, styles.TABLE_GRID),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


# --- header and footer (drawn on the canvas) ------------------------------------------------
def _header_logos(content: AgreementContent, logos: dict[str, bytes]) -> list[ImageReader]:
    readers = []
    for block in content.signature_blocks:
        png = logos.get(block.party)
        if png:
            readers.append(ImageReader(io.BytesIO(png)))
    return readers


def _header(content: AgreementContent, logos: list[ImageReader]) -> PageDrawer:
    """Draw the parties' logos (fixed height, aspect kept, scaled down together if too wide)."""
    return logo_header(logos, mark="UTKAST" if content.is_draft else "")
