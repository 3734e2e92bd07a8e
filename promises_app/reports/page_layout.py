"""Page machinery of the ReportLab agreement, and the reports' column widths.

* ``markup``/``paragraphs``: user text is text (docs/reliability.md, P12). Each string is
  escaped before it becomes Paragraph markup, and line breaks become ``<br/>`` only after
  escaping, so no tag, entity, link, image, font or colour in the data ever reaches
  ReportLab's markup parser as markup.
* ``logo_header``: the parties' logos in the running header (fixed height, aspect kept,
  scaled down together when too wide), optionally a mark on the right ("UTKAST").
* ``numbered_canvas``: a canvas that keeps its pages until the end, so each footer can say
  "Sida X av Y · …".
* ``column_widths``/``snug_widths``/``longest_word``: table columns measured with the bundled
  fonts' metrics, which the Typst reports (followup_pdf, annual_pdf) hand their templates in points.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, Paragraph

from promises_app.reports import fonts, styles

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

#: What a table's cell holds: plain text (fast to lay out), a Flowable, a few, or nothing.
TableCell: TypeAlias = str | Flowable | Sequence[Flowable] | None
#: What ReportLab calls on every page (the header): the canvas and the document.
PageDrawer: TypeAlias = Callable[[Canvas, BaseDocTemplate], None]


# --- user text → Paragraphs ---------------------------------------------------------------
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
CELL_FONT_SIZE = 7.5
CELL_PADDING = 3


def longest_word(texts: Sequence[str], font: str, size: float = CELL_FONT_SIZE) -> float:
    """The width of the widest single word in ``texts`` (what a column needs so no word is split).

    Each different word is measured once: a report's columns repeat the same few words thousands of times.
    """
    words = {word for text in set(texts) for word in text.split()}
    return max((stringWidth(word, font, size) for word in words), default=0.0)


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
