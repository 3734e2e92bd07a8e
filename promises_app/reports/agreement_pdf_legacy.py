"""The agreement as ReportLab laid it out before Typst: kept only for revisions signed before schema 7.

A revision signed before schema 7 kept the SHA-256 and size of its PDF, not the bytes
(migration 0007). Printing it, ``verify``'s first-difference report and ``verify-db``'s
reproducibility check make that PDF again from the frozen snapshot, and it must come out byte
for byte what was hashed at signing (docs/reliability.md, P11). Only the program of that time
can do so, so this module is that program's agreement, frozen and on its own: the content
builder of then (``legacy_content``: its promise headings, its Swedish dates, its words), the
page machinery and the layout. It depends only on the snapshot's data, the stylesheet
``styles``, the fonts and ReportLab. Do not change it, nor what it uses, and do not use it for
anything else: ``tests/reports/test_agreement_archival.py`` pins its output. Every other
agreement PDF (drafts, revisions signed since, imported ones) is laid out by Typst
(``agreement_pdf``); ``agreement_document`` decides which one a revision needs.

Body text flows through one frame of a page template; only the running header (logos) and the
footer ("Sida X av Y · Revision N · Fingeravtryck …") are drawn on the canvas, by the page
template and by a canvas that counts the pages before it writes them.

User text is text (docs/reliability.md, P12): each string is escaped before it becomes Paragraph
markup, and line breaks become ``<br/>`` only after escaping, so no tag, entity, link, image,
font or colour in the data ever reaches ReportLab's markup parser as markup.

The same content renders to the same bytes (P11): ``invariant=1`` fixes the dates and the
document id ReportLab would otherwise take from the clock.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
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

from promises_app.domain.enums import AgreementKind, AgreementState, OrganisationKind
from promises_app.domain.log_anchor import LogAnchor
from promises_app.domain.snapshot import (
    AgreementSnapshot,
    SnapshotMeasure,
    SnapshotOrganisation,
    SnapshotPromise,
    content_sha256,
)
from promises_app.reports import fonts, styles
from promises_app.reports.agreement_content import (
    ActionPlanRow,
    AgreementContent,
    FocusAreaItem,
    MeasureItem,
    PromiseGroup,
    PromiseItem,
    SignatoryLine,
    SignatureBlock,
)
from promises_app.reports.agreement_pdf import CONTENT_HASH_KEYWORD

__all__ = ["legacy_content", "render_legacy_agreement_pdf", "render_legacy_snapshot_pdf"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

#: What a table's cell holds: plain text (fast to lay out), a Flowable, a few, or nothing.
TableCell: TypeAlias = str | Flowable | Sequence[Flowable] | None
#: What ReportLab calls on every page (the header): the canvas and the document.
PageDrawer: TypeAlias = Callable[[Canvas, BaseDocTemplate], None]

# --- what it prints, from the snapshot (as the content builder was then) -------------------------
#: The section headings and the action plan's columns, as they were printed.
HEADING_INTRODUCTION = "Inledning"
HEADING_SITUATION = "Situationen idag"
HEADING_GOALS = "Övergripande mål"
HEADING_FOCUS_AREAS = "Prioriterade fokusområden"
HEADING_PROMISES = "Det här ska vi göra"
HEADING_EFFECTS = "Det här ska vi åstadkomma tillsammans"
HEADING_FOLLOW_UP = "Följ med hur det går"
HEADING_VALIDITY = "Giltighetstid"
HEADING_SIGNATURES = "Underskrifter"
HEADING_ACTION_PLAN = "Bilaga: Handlingsplan"
ACTION_PLAN_COLUMNS = ("Problem eller orsak", "Åtgärd", "Mål", "När", "Vem")
_LOVAR_ATT = "lovar att …"
_WORDS = {
    AgreementKind.COOPERATION_AGREEMENT: "Samverkansöverenskommelse",
    AgreementKind.CITIZEN_PROMISE: "Medborgarlöfte",
    AgreementState.DRAFT: "Utkast",
    AgreementState.SIGNED: "Undertecknad",
    AgreementState.CLOSED: "Avslutad",
}
_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december")
_BLANK = "________"


def legacy_content(snapshot: AgreementSnapshot, *, log_anchor: LogAnchor | None = None) -> AgreementContent:
    """What the agreement printed then, from its frozen snapshot: the content builder of that time."""
    digest = content_sha256(snapshot)
    return AgreementContent(
        agreement_id=snapshot.agreement_id,
        title=snapshot.title,
        kind=_WORDS[snapshot.kind],
        state=_WORDS[snapshot.state],
        revision=snapshot.revision,
        introduction=snapshot.introduction,
        situation=snapshot.situation,
        goals=snapshot.goals,
        focus_areas=tuple(FocusAreaItem(f.name, f.description) for f in snapshot.focus_areas),
        promise_groups=_promise_groups(snapshot.promises),
        intended_effects=snapshot.intended_effects,
        follow_up_text=snapshot.follow_up_text,
        validity=_date_range(snapshot.start_date, snapshot.end_date),
        case_number=snapshot.case_number,
        place_and_date=_place_and_date(snapshot.signing_place, snapshot.signing_date),
        signature_blocks=tuple(
            SignatureBlock(
                party=party.organisation.name,
                signatories=tuple(SignatoryLine(s.name, s.title) for s in party.signatories),
            )
            for party in snapshot.parties
        ),
        action_plan=tuple(_action_plan_row(m) for m in snapshot.measures),
        party_organisation_ids=tuple(party.organisation.id for party in snapshot.parties),
        fingerprint=digest[:12],
        content_sha256=digest,
        log_anchor=log_anchor,
    )


def render_legacy_snapshot_pdf(snapshot: AgreementSnapshot, anchor: LogAnchor | None = None) -> bytes:
    """The PDF of a revision signed before schema 7, as the program of that time made it."""
    logos = {
        party.organisation.name: base64.b64decode(party.logo_png_base64)
        for party in snapshot.parties
        if party.logo_png_base64
    }
    return render_legacy_agreement_pdf(legacy_content(snapshot, log_anchor=anchor), appendix=True, logos=logos)


def _promise_heading(makers: list[SnapshotOrganisation]) -> str:
    kinds = [o.kind for o in makers]
    police = kinds.count(OrganisationKind.POLICE)
    municipality = kinds.count(OrganisationKind.MUNICIPALITY)
    if kinds == [OrganisationKind.POLICE]:
        return f"Polisen {_LOVAR_ATT}"
    if kinds == [OrganisationKind.MUNICIPALITY]:
        return f"Kommunen {_LOVAR_ATT}"
    if len(kinds) == 2 and police == 1 and municipality == 1:
        return f"Polisen och kommunen {_LOVAR_ATT}"
    words = []
    for organisation in makers:
        if organisation.kind is OrganisationKind.POLICE and police == 1:
            words.append("polisen")
        elif organisation.kind is OrganisationKind.MUNICIPALITY and municipality == 1:
            words.append("kommunen")
        else:  # a housing company, or one of two municipalities: say which
            words.append(organisation.short_name or organisation.name)
    words.sort(key=lambda w: w != "polisen")
    text = _join_words(words)
    return f"{text[:1].upper()}{text[1:]} {_LOVAR_ATT}"


def _promise_groups(promises: tuple[SnapshotPromise, ...]) -> tuple[PromiseGroup, ...]:
    groups: dict[frozenset[int], tuple[str, list[PromiseItem]]] = {}
    for promise in promises:
        key = frozenset(o.id for o in promise.makers)
        if key not in groups:
            groups[key] = (_promise_heading(list(promise.makers)), [])
        groups[key][1].append(
            PromiseItem(
                text=promise.text,
                description=promise.description,
                measures=tuple(_measure_item(m) for m in promise.measures),
            )
        )
    return tuple(PromiseGroup(heading, tuple(items)) for heading, items in groups.values())


def _target_text(measure: SnapshotMeasure) -> str:
    if measure.target_count is None:
        return ""
    return f"{measure.target_count} {measure.target_unit}".strip()


def _measure_item(measure: SnapshotMeasure) -> MeasureItem:
    details = []
    if measure.target_count is not None:
        details.append(f"Mål: {_target_text(measure)}")
    if measure.responsible_name:
        details.append(f"Ansvarig: {measure.responsible_name}")
    if measure.deadline is not None:
        details.append(f"Klart senast: {_long_date(measure.deadline)}")
    return MeasureItem(title=measure.title, description=measure.description, details=tuple(details))


def _action_plan_row(measure: SnapshotMeasure) -> ActionPlanRow:
    who = []
    if measure.responsible_name:
        who.append(f"{measure.responsible_name} (ansvarig)")
    who.extend(name for name in measure.participant_names if name != measure.responsible_name)
    return ActionPlanRow(
        cause=measure.cause,
        measure=measure.title,
        target=_target_text(measure),
        when=_date_range(measure.start_date, measure.deadline),
        who=", ".join(who),
    )


def _long_date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _date_range(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return ""
    if start is None:
        assert end is not None
        return f"senast {_long_date(end)}"
    if end is None:
        return f"från {_long_date(start)}"
    if start == end:
        return _long_date(start)
    if start.year == end.year:
        return f"{start.day} {_MONTHS[start.month - 1]} \N{EN DASH} {_long_date(end)}"
    return f"{_long_date(start)} \N{EN DASH} {_long_date(end)}"


def _place_and_date(place: str, day: date | None) -> str:
    place = place.strip()
    if day is None:
        return f"{place} den {_BLANK}" if place else f"Ort och datum: {_BLANK}"
    return f"{place} den {_long_date(day)}" if place else f"Den {_long_date(day)}"


def _join_words(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " och " + words[-1]


def _keywords(content: AgreementContent) -> str:
    words = []
    if content.content_sha256:
        words.append(f"{CONTENT_HASH_KEYWORD}{content.content_sha256} revision:{content.revision}")
    if content.log_anchor is not None:
        words.append(content.log_anchor.keyword())
    return " ".join(words)


def _log_footer(anchor: LogAnchor | None) -> str:
    return "" if anchor is None else f" · Logg {anchor.short()}"


# --- user text → Paragraph markup ---------------------------------------------------------------
def markup(text: str) -> str:
    """Paragraph markup that shows ``text`` literally: escaped first, then ``\\n`` → ``<br/>``."""
    return escape(text).replace("\n", "<br/>")


def paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """One Paragraph per blank-line-separated block of ``text`` (none for empty text)."""
    blocks = [block.strip("\n") for block in _PARAGRAPH_BREAK.split(text)]
    return [Paragraph(markup(block), style) for block in blocks if block.strip()]


# --- header and footer (drawn on the canvas) ------------------------------------------------
def logo_header(
    logos: Sequence[ImageReader], *, mark: str = "", margin: float = styles.MARGIN_LEFT
) -> PageDrawer:
    """An ``onPage`` function drawing ``logos`` left to right at the top, and ``mark`` on the right.

    ``margin``: the page's left and right margin (the logos line up with the body text).
    """

    def draw(canvas: Canvas, document: BaseDocTemplate) -> None:
        # The current page's size, portrait or landscape: ReportLab keeps it only here.
        page_width, page_height = canvas._pagesize  # type: ignore[attr-defined]  # private, not in its stubs
        available = page_width - 2 * margin
        height = styles.HEADER_LOGO_HEIGHT
        sizes = []
        for reader in logos:
            pixels_wide, pixels_high = reader.getSize()
            sizes.append((pixels_wide / pixels_high * height) if pixels_high else height)
        gaps = styles.HEADER_LOGO_GAP * max(len(sizes) - 1, 0)
        total = sum(sizes) + gaps
        scale = min(1.0, (available - gaps) / sum(sizes)) if sizes and total > available else 1.0
        x = margin
        top = page_height - styles.HEADER_TOP
        canvas.saveState()
        for reader, logo_width in zip(logos, sizes, strict=True):
            w, h = logo_width * scale, height * scale
            canvas.drawImage(reader, x, top - h, width=w, height=h, mask="auto")
            x += w + styles.HEADER_LOGO_GAP
        if mark:
            canvas.setFont(fonts.BOLD, styles.RUNNING_FONT_SIZE + 1)
            canvas.setFillColor(styles.MUTED)
            canvas.drawRightString(page_width - margin, top - 10, mark)
        canvas.restoreState()

    return draw


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with "…" to fit ``width`` (for the one-line running footer)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def numbered_canvas(footer: str, *, margin: float = styles.MARGIN_LEFT) -> type[Canvas]:
    """A canvas that keeps its pages until the end, so each footer can say "Sida X av Y · ``footer``"."""

    class NumberedCanvas(Canvas):
        # ReportLab's own state, which its stubs do not list: the page's size and the page start.
        _pagesize: tuple[float, float]
        _startPage: Callable[[], None]  # noqa: N815 - ReportLab's name

        def __init__(self, *args: Any, **kwargs: Any) -> None:  # Canvas's own arguments, passed on
            super().__init__(*args, **kwargs)
            self._saved_page_states: list[dict[str, object]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._saved_page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_page_states)
            for state in self._saved_page_states:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            page_width = self._pagesize[0]
            text = f"Sida {self.getPageNumber()} av {total} · {footer}"
            self.saveState()
            self.setFont(fonts.REGULAR, styles.RUNNING_FONT_SIZE)
            self.setFillColor(styles.MUTED)
            available = page_width - 2 * margin
            self.drawCentredString(
                page_width / 2,
                styles.FOOTER_BASELINE,
                fit_text(text, fonts.REGULAR, styles.RUNNING_FONT_SIZE, available),
            )
            self.restoreState()

    return NumberedCanvas


# --- the body frame -------------------------------------------------------------------------
def body_frame(x: float, y: float, width: float, height: float) -> Frame:
    return Frame(x, y, width, height, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


# --- the reports' column widths ----------------------------------------------------------------
#: The reports' table cells: type size and padding (common.typ's ``data-table``: 7.5 pt, inset 3 pt).


# --- user text → Paragraphs (escaped: markup) -------------------------------------------
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
        keywords=[_keywords(content)],  # one string: ReportLab joins a list with ", "
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
    footer = f"Revision {content.revision} · Fingeravtryck {content.fingerprint}" + _log_footer(content.log_anchor)
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

    section(HEADING_INTRODUCTION, content.introduction)
    section(HEADING_SITUATION, content.situation)
    if content.goals:
        story.append(Paragraph(escape(HEADING_GOALS), sheet.heading1))
        story.extend(_bullet(goal, sheet.bullet) for goal in content.goals)
    if content.focus_areas:
        story.append(Paragraph(escape(HEADING_FOCUS_AREAS), sheet.heading1))
        for area in content.focus_areas:
            story.append(_bullet(area.name, sheet.focus_name))
            story.extend(paragraphs(area.description, sheet.focus_text))
    if content.promise_groups:
        story.append(Paragraph(escape(HEADING_PROMISES), sheet.heading1))
        for group in content.promise_groups:
            story.append(Paragraph(escape(group.heading), sheet.heading2))
            for promise in group.promises:
                story.extend(_promise(promise, sheet))
    section(HEADING_EFFECTS, content.intended_effects)
    section(HEADING_FOLLOW_UP, content.follow_up_text)
    story.append(Paragraph(escape(HEADING_VALIDITY), sheet.heading1))
    story.append(_para(content.validity, sheet.body))
    if content.case_number:
        story.append(_para(f"Diarienummer: {content.case_number}", sheet.body))
    story.append(_signatures(content, sheet, width))
    if appendix and content.action_plan:
        story.append(NextPageTemplate("landscape"))
        story.append(PageBreak())
        story.append(Paragraph(escape(HEADING_ACTION_PLAN), sheet.heading1))
        story.append(_action_plan_table(content, sheet, appendix_width))
    return story


def _promise(promise: PromiseItem, sheet: styles.Styles) -> list[Flowable]:
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
        Paragraph(escape(HEADING_SIGNATURES), sheet.heading1),
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


def _signature_rows(chunk: Sequence[SignatureBlock], columns: int, sheet: styles.Styles) -> list[list[TableCell]]:
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
    header: list[TableCell] = [Paragraph(escape(title), sheet.table_header) for title in ACTION_PLAN_COLUMNS]
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
