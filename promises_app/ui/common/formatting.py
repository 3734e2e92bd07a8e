"""Dates and numbers in the interface language (Swedish: 2022-01-18, 1 234)."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale

_PLACEHOLDER = re.compile(r"%(\d)")


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)


def format_long_date(value: date) -> str:
    """The date as written in running text: "18 januari 2022"."""
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")


def format_size(size: int) -> str:
    """A file size for people: "52,8 kB"."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def fill(template: str, *values: object) -> str:
    """Put ``values`` into the translated ``template``'s %1, %2, … in one pass.

    One pass, so a value that itself contains "%2" (a place, a file name) is left as typed.
    """
    return _PLACEHOLDER.sub(
        lambda match: str(values[int(match.group(1)) - 1]) if 0 < int(match.group(1)) <= len(values)
        else match.group(0),
        template,
    )
