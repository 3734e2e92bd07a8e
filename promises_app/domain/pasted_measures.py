"""Measures pasted from Excel or Word as text: one measure a line, columns apart by a tab.

Excel copies cells as tab-separated lines, Word a table the same way and a list as one line per
item (perhaps with its bullet). The columns are, in this order unless a header row names them:
title (åtgärd), ansvarig, klart senast, mål ("4 trygghetsvandringar"). Only the title is needed.
What the cells mean (an organisation, a date) is checked by services/measure_paste.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The columns, in the order they are read when no header row names them.
COLUMNS = ("title", "responsible", "deadline", "target")
#: Each column's name in messages and in the preview.
COLUMN_NAMES = {"title": "Åtgärd", "responsible": "Ansvarig", "deadline": "Klart senast", "target": "Mål"}
#: Header words (lower case) and the column each names.
HEADER_WORDS = {
    "åtgärd": "title", "åtgärder": "title", "titel": "title", "rubrik": "title",
    "ansvarig": "responsible", "ansvarig part": "responsible", "ansvar": "responsible",
    "klart senast": "deadline", "slutdatum": "deadline", "deadline": "deadline", "klart": "deadline",
    "mål": "target", "målvärde": "target", "antal": "target",
}
#: A list item's bullet or number at the start of a line ("• ", "- ", "1. ", "2) ").
_BULLET = re.compile(r"^\s*(?:[•◦▪‣●○\-–—*]|\d{1,3}[.)])\s+")
#: "4 trygghetsvandringar", "150 kontroller": a count, then what is counted.
_TARGET = re.compile(r"^(\d{1,9})\s*(.*)$")


@dataclass(frozen=True)
class PastedRow:
    """One pasted line's cells by column (missing ones empty); ``line`` as numbered in the text."""

    line: int
    cells: dict[str, str]

    def cell(self, column: str) -> str:
        return self.cells.get(column, "")


@dataclass(frozen=True)
class PastedText:
    rows: tuple[PastedRow, ...]
    #: Whether the first line named the columns (and so is no measure).
    has_header: bool
    #: Text beyond the known columns, by line: ignored, and said so.
    extra_columns: int


def header_columns(cells: list[str]) -> list[str | None] | None:
    """The columns a header row names (None for a cell it does not), or None if the row is no header:
    a header names the title column and every non-empty cell is a known word."""
    named = [HEADER_WORDS.get(" ".join(cell.split()).casefold().rstrip(":")) for cell in cells]
    if "title" not in named or any(name is None and cell.strip() for name, cell in zip(named, cells, strict=True)):
        return None
    return named


def parse_pasted(text: str) -> PastedText:
    """The rows of pasted text: empty lines skipped, bullets and cells' spaces trimmed."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rows: list[PastedRow] = []
    columns: list[str | None] = list(COLUMNS)
    has_header = False
    extra = 0
    first = True
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        cells = [" ".join(cell.split()) for cell in _BULLET.sub("", line, count=1).split("\t")]
        if first:
            first = False
            named = header_columns(cells)
            if named is not None:
                columns, has_header = named, True
                continue
        while cells and not cells[-1]:
            cells.pop()
        if len(cells) > len(columns):
            extra += 1
        by_column = {column: cell for column, cell in zip(columns, cells, strict=False) if column is not None}
        rows.append(PastedRow(number, by_column))
    return PastedText(tuple(rows), has_header, extra)


def parse_target(text: str) -> tuple[int, str] | None:
    """``"4 trygghetsvandringar"`` → ``(4, "trygghetsvandringar")``; None when it starts with no count."""
    found = _TARGET.match(text.strip())
    return (int(found.group(1)), found.group(2).strip()) if found else None
