"""Page machinery shared by every printed report: user text → markup, header logos, "Sida X av Y".

* ``markup``/``paragraphs``/``para``: user text is text (docs/reliability.md, P12). Each string is
  escaped before it becomes Paragraph markup, and line breaks become ``<br/>`` only after
  escaping, so no tag, entity, link, image, font or colour in the data ever reaches
  ReportLab's markup parser as markup.
* ``logo_header``: the parties' logos in the running header (fixed height, aspect kept,
  scaled down together when too wide), optionally a mark on the right ("UTKAST"). Each logo
  is decoded once per document (``logo_readers``); a report's header is also drawn once, as a
  form every page refers to (``drawn_once``).
* ``numbered_canvas``: a canvas that keeps its pages until the end, so each footer can say
  "Sida X av Y · …".
* ``render_document``: one A4 page template (portrait or landscape), embedded DejaVu fonts,
  ``invariant=1`` so the same story gives the same bytes (P11).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeAlias, TypeVar
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import landscape as turned
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from promises_app.reports import fonts, styles

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_T = TypeVar("_T")

#: What a report table's cell holds: plain text (fast to lay out), a Flowable, a few, or nothing.
TableCell: TypeAlias = str | Flowable | Sequence[Flowable] | None
#: One table style command as TableStyle takes it: (name, first cell, last cell, values…).
TableCommand: TypeAlias = tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]
#: What ReportLab calls on every page (the header): the canvas and the document.
PageDrawer: TypeAlias = Callable[[Canvas, BaseDocTemplate], None]

#: The top margin of a report page without logos in its header.
MARGIN_TOP_WITHOUT_LOGOS = 2.0 * cm
#: The follow-up and annual reports' side margins: a little narrower than the agreement's,
#: for their wide tables.
REPORT_MARGIN = 1.8 * cm


# --- user text → Paragraphs ---------------------------------------------------------------
def markup(text: str) -> str:
    """Paragraph markup that shows ``text`` literally: escaped first, then ``\\n`` → ``<br/>``."""
    return escape(text).replace("\n", "<br/>")


def paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """One Paragraph per blank-line-separated block of ``text`` (none for empty text)."""
    blocks = [block.strip("\n") for block in _PARAGRAPH_BREAK.split(text)]
    return [Paragraph(markup(block), style) for block in blocks if block.strip()]


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """One Paragraph showing ``text`` literally."""
    return Paragraph(markup(text), style)


def plain_cell(text: str, width: float, style: ParagraphStyle) -> str | Paragraph:
    """``text`` for a table cell ``width`` wide: plain lines broken at spaces, which a table lays out
    many times faster than a Paragraph (a report of 2 000 measures has 14 000 cells); a Paragraph
    where a word is wider than the cell, because only a Paragraph splits a word.

    The table's style must give string cells ``style``'s font, size and leading (``TEXT_CELLS``).
    """
    room = width - 2 * CELL_PADDING
    font, size = style.fontName, style.fontSize
    text = text.strip()
    if "\n" not in text and stringWidth(text, font, size) <= room:
        return text  # one line: most cells
    lines = simpleSplit(text, font, size, room)
    if any(stringWidth(line, font, size) > room for line in lines):  # a word wider than the cell
        return para(text, style)
    return "\n".join(lines)


def text_cells(
    style: ParagraphStyle, first: tuple[int, int] = (0, 1), last: tuple[int, int] = (-1, -1)
) -> list[TableCommand]:
    """Table style commands giving the string cells from ``first`` to ``last`` ``style``'s look."""
    return [
        ("FONTNAME", first, last, style.fontName),
        ("FONTSIZE", first, last, style.fontSize),
        ("LEADING", first, last, style.leading),
    ]


# --- header and footer (drawn on the canvas) ------------------------------------------------
def logo_readers(logos: Sequence[bytes]) -> list[ImageReader]:
    """One reader per logo: the PNG is decoded once, by the reader, however many pages show it."""
    return [ImageReader(io.BytesIO(png)) for png in logos if png]


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


#: The name of a report's header form (the logos, drawn once per document).
HEADER_FORM = "ReportHeader"


def drawn_once(draw: Callable[[Canvas, Any], None], name: str = HEADER_FORM) -> Callable[[Canvas, Any], None]:
    """An ``onPage`` function that records ``draw`` once as a PDF form and shows it on every page.

    ReportLab's ``drawImage`` hashes an image's decoded pixels on every page it is drawn on, to
    find the copy it already holds: for two 1 200-pixel logos about 15 ms a page, a third of a
    long report's render. In a form the images are drawn once, and each page refers to it.
    Only for what looks the same on every page. The agreement's header (agreement_pdf) keeps
    drawing per page: its bytes are pinned by the hash stored when it was signed.
    """

    def on_page(canvas: Canvas, document: Any) -> None:
        if not canvas.hasForm(name):
            canvas.beginForm(name)
            draw(canvas, document)
            canvas.endForm()
        canvas.doForm(name)

    return on_page


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


# --- one-template report documents ----------------------------------------------------------
@dataclass(frozen=True)
class PageGeometry:
    """An A4 page, portrait or landscape, and the body frame on it."""

    pagesize: tuple[float, float]
    top_margin: float
    #: Left and right.
    margin: float = styles.MARGIN_LEFT

    @property
    def width(self) -> float:
        """The body frame's width: what tables and charts are laid out in."""
        return self.pagesize[0] - 2 * self.margin

    @property
    def height(self) -> float:
        return self.pagesize[1] - self.top_margin - styles.MARGIN_BOTTOM


def page_geometry(*, landscape: bool, logos: bool) -> PageGeometry:
    """The page of a report; the header keeps room for logos only when there are some."""
    pagesize = turned(styles.PAGE_SIZE) if landscape else styles.PAGE_SIZE
    return PageGeometry(pagesize, styles.MARGIN_TOP if logos else MARGIN_TOP_WITHOUT_LOGOS, REPORT_MARGIN)


def body_frame(x: float, y: float, width: float, height: float) -> Frame:
    return Frame(x, y, width, height, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def render_document(
    story: list[Flowable],
    geometry: PageGeometry,
    *,
    title: str,
    subject: str,
    footer: str,
    logos: Sequence[bytes] = (),
    keywords: str = "",
) -> bytes:
    """The story laid out on ``geometry``'s pages as PDF bytes (the same story → the same bytes)."""
    fonts.register_fonts()
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=geometry.pagesize,
        leftMargin=geometry.margin,
        rightMargin=geometry.margin,
        topMargin=geometry.top_margin,
        bottomMargin=styles.MARGIN_BOTTOM,
        title=title,
        subject=subject,
        author="",
        creator="Medborgarlöften",
        keywords=[keywords],  # one string: ReportLab joins a list with ", "
        invariant=1,
        lang="sv-SE",
        initialFontName=fonts.REGULAR,
    )
    frame = body_frame(geometry.margin, styles.MARGIN_BOTTOM, geometry.width, geometry.height)
    readers = logo_readers(logos)
    header = logo_header(readers, margin=geometry.margin)
    if readers:
        header = drawn_once(header)
    document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=header)])
    document.build(story, canvasmaker=numbered_canvas(footer, margin=geometry.margin))
    return buffer.getvalue()


# --- the reports' paragraph styles (derived from the one stylesheet) ---------------------------
OVERDUE_COLOUR = colors.HexColor("#B3261E")
CELL_FONT_SIZE = 7.5
CELL_PADDING = 3
#: The room a group's headings need with a table's header and first rows (before a CondPageBreak).
GROUP_START_ROOM = 140.0
SECTION_HEADING_ROOM = 42.0


class ReportStyles:
    """The follow-up and annual reports' styles: ``styles.stylesheet()`` plus table and note styles."""

    def __init__(self) -> None:
        sheet = styles.stylesheet()
        self.sheet = sheet
        self.subtitle = ParagraphStyle(
            "ReportSubtitle", sheet.heading1, fontSize=16, leading=20, spaceBefore=0, spaceAfter=10
        )
        self.cell = ParagraphStyle("ReportCell", sheet.table_cell, fontSize=CELL_FONT_SIZE, leading=9.6)
        self.cell_bold = ParagraphStyle("ReportCellBold", self.cell, fontName=fonts.BOLD)
        self.cell_number = ParagraphStyle("ReportCellNumber", self.cell, alignment=TA_RIGHT)
        self.cell_number_bold = ParagraphStyle("ReportCellNumberBold", self.cell_number, fontName=fonts.BOLD)
        self.cell_centre = ParagraphStyle("ReportCellCentre", self.cell, alignment=TA_CENTER)
        self.cell_overdue = ParagraphStyle(
            "ReportCellOverdue", self.cell, fontName=fonts.BOLD, textColor=OVERDUE_COLOUR
        )
        self.header = ParagraphStyle("ReportHeader", sheet.table_header, fontSize=CELL_FONT_SIZE, leading=9.6)
        self.header_centre = ParagraphStyle("ReportHeaderCentre", self.header, alignment=TA_CENTER)
        self.header_number = ParagraphStyle("ReportHeaderNumber", self.header, alignment=TA_RIGHT)
        self.fact_label = ParagraphStyle("ReportFactLabel", sheet.body, fontSize=9.5, leading=13,
                                         textColor=styles.MUTED, spaceAfter=0)
        self.fact_value = ParagraphStyle("ReportFactValue", sheet.body, fontSize=9.5, leading=13, spaceAfter=0)
        self.note = ParagraphStyle("ReportNote", sheet.body, fontSize=9.5, leading=13, textColor=styles.MUTED)
        # Headings over long tables do not keepWithNext (that would move a whole table to the next
        # page): a CondPageBreak before them keeps them with the table's first rows instead.
        self.section_heading = ParagraphStyle("ReportSectionHeading", sheet.heading1, keepWithNext=0)
        self.group_heading = ParagraphStyle("ReportGroupHeading", sheet.heading2, spaceBefore=12, keepWithNext=0)
        self.group_title = ParagraphStyle("ReportGroupTitle", sheet.promise, fontSize=10, leading=13.5,
                                          keepWithNext=0)
        self.chart_caption = ParagraphStyle("ReportChartCaption", sheet.heading2, fontSize=10.5, leading=13,
                                            spaceBefore=0, spaceAfter=2)


@cache
def report_styles() -> ReportStyles:
    return ReportStyles()


def table_style(*extra: TableCommand, header: bool = True, grid: bool = True) -> TableStyle:
    """The reports' table look: top-aligned cells, a tinted header row, a light grid, DejaVu throughout."""
    commands: list[TableCommand] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # for empty cells: never Helvetica
        ("FONTSIZE", (0, 0), (-1, -1), CELL_FONT_SIZE),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, styles.TABLE_GRID))
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), styles.TABLE_HEADER_BACKGROUND))
    commands.extend(extra)
    return TableStyle(commands)


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[TableCell]],
    widths: Sequence[float],
    *extra: TableCommand,
    header_styles: Sequence[ParagraphStyle] | None = None,
    split_in_row: bool = True,
) -> Table:
    """A table with a repeated header row that splits across pages between rows, and with
    ``split_in_row`` also inside a row (a row taller than a page must, or the layout fails)."""
    s = report_styles()
    header_cells: list[TableCell] = [
        Paragraph(escape(title), header_styles[i] if header_styles else s.header) for i, title in enumerate(header)
    ]
    table = Table([header_cells, *(list(row) for row in rows)], colWidths=list(widths), repeatRows=1,
                  splitInRow=int(split_in_row), hAlign="LEFT")
    table.setStyle(table_style(*extra))
    return table


def chunks(items: Sequence[_T], size: int) -> list[Sequence[_T]]:
    """``items`` in runs of at most ``size``: many small tables lay out far faster than one huge one."""
    return [items[start : start + size] for start in range(0, len(items), size)] or [items[:0]]


def longest_word(texts: Sequence[str], font: str, size: float = CELL_FONT_SIZE) -> float:
    """The width of the widest single word in ``texts`` (what a column needs so no word is split)."""
    return max((stringWidth(word, font, size) for text in texts for word in text.split()), default=0.0)


def snug_widths(
    width: float,
    snug: Sequence[tuple[Sequence[str], Sequence[str]]],
    flex: Sequence[float],
    *,
    cap: float = 0.2,
) -> tuple[list[float], list[float]]:
    """Column widths: each ``snug`` column (its regular texts, its bold texts) just wide enough for its
    widest word (at most ``cap`` of ``width``), and the rest shared by the ``flex`` columns by weight.

    Returns (snug widths, flex widths) in the order given.
    """
    snug_widths_ = []
    for regular, bold in snug:
        need = max(longest_word(regular, fonts.REGULAR), longest_word(bold, fonts.BOLD)) + 2 * CELL_PADDING + 1
        snug_widths_.append(min(max(need, 24.0), width * cap))
    if sum(snug_widths_) > width * 0.7:  # the flexible columns keep at least 30 %
        scale = width * 0.7 / sum(snug_widths_)
        snug_widths_ = [w * scale for w in snug_widths_]
    rest = width - sum(snug_widths_)
    total = sum(flex) or 1
    return snug_widths_, [rest * weight / total for weight in flex]


def column_widths(
    width: float, columns: Sequence[tuple[str, Sequence[str], float]], *, cap: float = 0.2
) -> list[float]:
    """Widths for columns given as (header, cell texts, weight): weight 0 is snug (its widest word),
    the others share the rest by weight. In the columns' own order."""
    snug = [(texts, [header]) for header, texts, weight in columns if not weight]
    flex = [weight for _header, _texts, weight in columns if weight]
    snug_w, flex_w = snug_widths(width, snug, flex, cap=cap)
    snug_iter, flex_iter = iter(snug_w), iter(flex_w)
    return [next(flex_iter) if weight else next(snug_iter) for _header, _texts, weight in columns]


#: A cell text longer than this may make its row taller than a page: such tables may split inside rows.
LONG_CELL_CHARS = 600


def has_long_text(texts: Iterable[str]) -> bool:
    return any(len(text) > LONG_CELL_CHARS for text in texts)
