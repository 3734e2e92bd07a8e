"""Rows of a grid as tab-separated text, as Excel and Word take it from the clipboard.

One line per row, cells apart by a tab, a header row first. A cell's own tabs and line breaks
become spaces: Excel would otherwise split it into more cells or rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def tsv_cell(value: object) -> str:
    """One cell on one line: None is empty, tabs and line breaks are spaces."""
    return " ".join(str(value if value is not None else "").replace("\t", " ").split())


def rows_as_tsv(header: Sequence[object], rows: Iterable[Sequence[object]]) -> str:
    """The header and the rows as tab-separated lines, each ended by a line break."""
    return "".join("\t".join(tsv_cell(cell) for cell in row) + "\n" for row in [header, *rows])
