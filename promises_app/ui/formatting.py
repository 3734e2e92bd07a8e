"""Dates and numbers in the interface language (Swedish: 2022-01-18, 1 234)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)
