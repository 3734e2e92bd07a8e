"""The documents' column widths: table columns measured with the bundled fonts' metrics, which
the Typst documents (agreement_pdf, followup_pdf, annual_pdf) hand their templates in points.

(The ReportLab page machinery that was here, the header, the numbered footer and the escaping
of user text, lives on only in ``agreement_pdf_legacy``, for revisions signed before schema 7.)
"""

from __future__ import annotations

from collections.abc import Sequence

from promises_app.reports import fonts
from promises_app.reports.font_metrics import text_width

CELL_FONT_SIZE = 7.5
CELL_PADDING = 3


def longest_word(texts: Sequence[str], font: str, size: float = CELL_FONT_SIZE) -> float:
    """The width of the widest single word in ``texts`` (what a column needs so no word is split).

    Each different word is measured once: a report's columns repeat the same few words thousands of times.
    """
    words = {word for text in set(texts) for word in text.split()}
    return max((text_width(word, font, size) for word in words), default=0.0)


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
