"""How dates and spans of dates are written in Swedish running text: "18 januari 2022",
"1 juni – 31 augusti 2025". One place for the domain's names of periods, the command line and
the printed reports (reports/formatting.py writes its ranges with these).

A span's ends are joined by an en dash with spaces, as Swedish writes it when an end is more
than one word ("1 juni – 31 augusti 2025"), and the shared year is written once; across years
both ends are whole ("1 juli 2018 – 30 juni 2020").
"""

from __future__ import annotations

from datetime import date

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


def long_date(day: date) -> str:
    """18 januari 2022."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_span(start: date, end: date) -> str:
    """"1 juni – 31 augusti 2025", "1 juli 2018 – 30 juni 2020"."""
    if start == end:
        return long_date(start)
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} \N{EN DASH} {long_date(end)}"
    return f"{long_date(start)} \N{EN DASH} {long_date(end)}"
