"""How printed reports write dates and periods (Swedish): the one formatting module for reports."""

from __future__ import annotations

from datetime import date

from promises_app.domain.log_anchor import LogAnchor
from promises_app.domain.swedish_dates import date_span, long_date

__all__ = ["BLANK", "date_range", "join_words", "log_footer", "log_keywords", "long_date", "place_and_date"]

#: Where a date or place still has to be written by hand on the printed page.
BLANK = "________"


def date_range(start: date | None, end: date | None) -> str:
    """"1 mars – 31 december 2022", "1 juli 2018 – 30 juni 2020"; one side may be missing."""
    if start is None and end is None:
        return ""
    if start is None:
        assert end is not None
        return f"senast {long_date(end)}"
    if end is None:
        return f"från {long_date(start)}"
    return date_span(start, end)


def place_and_date(place: str, day: date | None) -> str:
    """"Solna den 18 januari 2022"; what is not decided yet is left as a line to fill in."""
    place = place.strip()
    if day is None:
        return f"{place} den {BLANK}" if place else f"Ort och datum: {BLANK}"
    return f"{place} den {long_date(day)}" if place else f"Den {long_date(day)}"


def join_words(words: list[str]) -> str:
    """"A", "A och B", "A, B och C"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " och " + words[-1]


def log_footer(anchor: LogAnchor | None) -> str:
    """" · Logg 1234:9f2c1a0b7e3d" to end a footer with the change log's head ("" without one).

    Typed back into ``promises-app verify-db --against`` it proves the log still holds that head.
    """
    return "" if anchor is None else f" · Logg {anchor.short()}"


def log_keywords(anchor: LogAnchor | None) -> str:
    """The log's head as the PDF's metadata keeps it (" medborgarloften-log:…"; "" without one)."""
    return "" if anchor is None else f" {anchor.keyword()}"
