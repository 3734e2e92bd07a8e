"""What every Typst document is handed besides its content: the page, the logos, the charts.

``page_data`` is the ``page`` entry every template passes to ``document-setup`` (common.typ):
title, author, keywords (the fingerprint and the change log's head, which ``verify`` and
``verify-db --against`` read back), orientation, the logos as files, the running footer.
``chart_file`` turns a ReportLab drawing (``charts``) into an SVG file for a template.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from promises_app.reports import fonts
from promises_app.reports.font_metrics import CHART_FACES, text_width
from promises_app.reports.page_layout import CELL_FONT_SIZE, CELL_PADDING

AUTHOR = "Medborgarlöften"


def image_name(stem: str, data: bytes) -> str:
    """A file name whose extension tells Typst the picture's format (PNG, JPEG, GIF, WebP or SVG)."""
    if data.startswith(b"\x89PNG"):
        return f"{stem}.png"
    if data.startswith(b"\xff\xd8"):
        return f"{stem}.jpg"
    if data.startswith(b"GIF8"):
        return f"{stem}.gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return f"{stem}.webp"
    return f"{stem}.svg"


def logo_files(logos: Sequence[bytes], names: Sequence[str] = ()) -> tuple[list[dict[str, str]], dict[str, bytes]]:
    """The logos as the template's entries (file, alternative text) and the files to write."""
    entries: list[dict[str, str]] = []
    files: dict[str, bytes] = {}
    for index, logo in enumerate(data for data in logos if data):
        name = image_name(f"logo-{index}", logo)
        owner = names[index] if index < len(names) else ""
        entries.append({"file": name, "alt": f"Logotyp: {owner}" if owner else "Logotyp"})
        files[name] = logo
    return entries, files


def page_data(
    *,
    title: str,
    subject: str,
    footer: str,
    keywords: Sequence[str],
    logos: list[dict[str, str]],
    landscape: bool = False,
    margin_cm: float = 1.8,
    mark: str = "",
) -> dict[str, Any]:
    """The ``page`` entry of a document's data (see ``document-setup`` in common.typ)."""
    return {
        "title": title,
        "subject": subject,
        "author": [AUTHOR],
        "keywords": [word for word in keywords if word],
        "footer": footer,
        "logos": logos,
        "landscape": landscape,
        "margin": margin_cm,
        "mark": mark,
    }


def hex_colour(colour: colors.Color) -> str:
    """``#rrggbb`` for a template."""
    return "#" + colour.hexval()[2:].lower()


def chart_file(drawing: Drawing) -> bytes:
    """The drawing as SVG bytes (its text in the bundled DejaVu Sans, found by Typst by name; the
    charts' faces are named in ``font_metrics.CHART_FACES``)."""
    svg = renderSVG.drawToString(drawing)
    bold, regular = CHART_FACES[fonts.BOLD], CHART_FACES[fonts.REGULAR]
    return svg.replace(f"font-family: {bold};", f"font-family: {regular};").encode()


#: Wider than any character of the cells' font at their size: a word of fewer characters than a
#: column's room divided by this fits it, unmeasured.
WIDEST_CHARACTER = 0.98 * CELL_FONT_SIZE
#: Where Typst may break a line inside a "word" of the text: after a slash or a hyphen.
_BREAKS_INSIDE = re.compile(r"(?<=[/-])|\s+")


def split_from(texts: Sequence[str], width: float) -> int:
    """The length (in characters) from which a word may not fit a column ``width`` wide; 0 when
    every word fits.

    Typst breaks a word only where it can hyphenate it: a word wider than its column (a pasted
    link, a name without spaces) would run over the next column. The template breaks words of
    this length or more between any two characters instead (``breakable`` in common.typ).
    """
    room = width - 2 * CELL_PADDING
    unmeasured = room / WIDEST_CHARACTER
    shortest = 0
    for text in set(texts):
        for word in _BREAKS_INSIDE.split(text):
            if len(word) >= unmeasured and (not shortest or len(word) < shortest) \
                    and text_width(word, fonts.REGULAR, CELL_FONT_SIZE) > room:
                shortest = len(word)
    return shortest


#: A word Typst's Swedish hyphenation breaks into pieces a column holds: Latin letters only, its
#: syllables short (at most three vowels or six consonants in a row), at most 40 letters. Other
#: words wider than their column (a link, a code, "ååååå…", a right-to-left name) are broken
#: between any two characters instead.
_HYPHENATABLE = re.compile(r"(?i)(?!.*[aeiouyåäöéèêëáàâíìîïóòôúùûüæøœ]{4})(?!.*[b-df-hj-np-tv-xzßç]{7})"
                           r"[a-zåäöéèêëáàâíìîïóòôúùûüæøœßç]{1,40}")


#: A cell's text in pieces (``cell_text``): plain text, or a word to hyphenate or to split anywhere.
Piece = str | dict[str, str]


def cell_text(text: str, width: float, *, hyphenate: bool) -> str | list[Piece]:
    """A table cell's text as ``cell-text`` in common.typ lays it out, for a column ``width`` wide.

    Where every word fits the column (nearly always) the text itself: laid out plainly, with no
    hyphenation to compute. Otherwise a list of pieces: plain text, ``{"hyphenate": word}`` for a
    word wider than the column that Swedish hyphenation breaks into pieces it holds (only where
    ``hyphenate``: a title, a comment), and ``{"split": word}`` for one it does not (a link, a code;
    in a column that is not hyphenated every word wider than it), which the template breaks between
    any two characters, so nothing runs over the next column. Deciding this here, word by word,
    costs Typst no rule on every cell's text and hyphenation only where a word needs it.
    """
    room = width - 2 * CELL_PADDING
    unmeasured = room / WIDEST_CHARACTER
    if not any(len(word) >= unmeasured for word in text.split()):
        return text
    pieces: list[Piece] = []
    start = 0
    for match in _WORD.finditer(text):
        word = match.group()
        too_wide = [part for part in _BREAKS_INSIDE.split(word)
                    if len(part) >= unmeasured and _wider_than(part, room)]
        if not too_wide:
            continue
        natural = hyphenate and all(_HYPHENATABLE.fullmatch(part.strip(_PUNCTUATION)) for part in too_wide)
        if match.start() > start:
            pieces.append(text[start:match.start()])
        pieces.append({"hyphenate" if natural else "split": word})
        start = match.end()
    if not pieces:
        return text
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def plain_text(cell: str | list[Piece]) -> str:
    """The text of a cell ``cell_text`` made, its pieces joined again."""
    if isinstance(cell, str):
        return cell
    return "".join(piece if isinstance(piece, str) else "".join(piece.values()) for piece in cell)


#: What may stand before or after a word without making it any less a word to hyphenate.
_PUNCTUATION = ".,;:!?()[]\"'«»”’…"
_WORD = re.compile(r"\S+")


def _wider_than(word: str, room: float) -> bool:
    return text_width(word, fonts.REGULAR, CELL_FONT_SIZE) > room
