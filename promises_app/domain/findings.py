"""The rules of a safety-walk finding followed to the end (pure: no database, no Qt).

- Coordinates are WGS84 latitude and longitude in decimal degrees, as a map service takes them.
  A person writes them as most map sites show them, "57.70, 11.97", or with Swedish decimal
  commas, "57,70 11,97": :func:`parse_coordinates` reads both (and a semicolon between).
- A finding still open six months after its walk is "open too long" (:func:`open_too_long`):
  the start page lists it, so it is not forgotten between one year's walk and the next.
- :func:`count_dealt` counts findings as the follow-up report says them ("7 av 9 åtgärdade"):
  only åtgärdade count as dealt with; avböjda are told apart, never hidden in either number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from promises_app.domain.enums import FindingStatus

#: How long a finding may stay open after its walk before the start page lists it.
OPEN_TOO_LONG = relativedelta(months=6)

LATITUDE_RANGE = (-90.0, 90.0)
LONGITUDE_RANGE = (-180.0, 180.0)

_NUMBER = r"[-+\u2212]?\d+(?:[.,]\d+)?"
#: Two numbers separated by a semicolon, a comma, or blanks ("57.70, 11.97", "57,70 11,97").
_PAIR = re.compile(rf"\s*({_NUMBER})\s*(?:[;,]\s*|\s+)({_NUMBER})\s*")

COORDINATES_HELP = "skriv latitud och longitud i WGS84, t.ex. 57.70, 11.97 eller 57,70 11,97"


class CoordinatesError(ValueError):
    """Text that is not a latitude and a longitude; the message is Swedish and says how to write them."""


def _number(text: str) -> float:
    return float(text.replace("\u2212", "-").replace(",", "."))


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """``(latitude, longitude)`` from "57.70, 11.97" or "57,70 11,97"; None for blank text.

    Only the form is checked here; the ranges are the services' (``check_coordinates``), so a
    value typed in the window and one read from a file get the same message.
    """
    if not text.strip():
        return None
    match = _PAIR.fullmatch(text)
    if match is None:
        raise CoordinatesError(f"Koordinater: {COORDINATES_HELP}.")
    return _number(match.group(1)), _number(match.group(2))


def format_coordinates(latitude: float | None, longitude: float | None) -> str:
    """The coordinates as the window shows them ("57.7, 11.97"); "" when there are none."""
    if latitude is None or longitude is None:
        return ""
    return f"{_degrees(latitude)}, {_degrees(longitude)}"


def _degrees(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def open_too_long(status: FindingStatus, walked_on: date, today: date) -> bool:
    """Still open on ``today``, more than six months after the walk it was found on."""
    return status is FindingStatus.OPEN and today > walked_on + OPEN_TOO_LONG


@dataclass(frozen=True)
class FindingCount:
    """Findings of the walks held up to a day: how many were dealt with (åtgärdade), declined, in all."""

    dealt: int
    declined: int
    total: int


def count_dealt(findings: Iterable[tuple[date, FindingStatus, date | None]], until: date) -> FindingCount:
    """Count the findings of walks held on or before ``until``, as they stood on that day.

    Each finding is its walk's date, its status and the date it was dealt with: one dealt with
    or declined after ``until`` was still open then, so a report made later for an earlier
    period says what was true at the period's end.
    """
    dealt = declined = total = 0
    for walked_on, status, dealt_on in findings:
        if walked_on > until:
            continue
        total += 1
        closed_by_then = dealt_on is not None and dealt_on <= until
        dealt += closed_by_then and status is FindingStatus.DEALT_WITH
        declined += closed_by_then and status is FindingStatus.DECLINED
    return FindingCount(dealt=dealt, declined=declined, total=total)


def findings_sentence(count: FindingCount) -> str:
    """"Från trygghetsvandringarna: 7 av 9 åtgärdade." (and how many were declined); "" without findings."""
    if count.total == 0:
        return ""
    sentence = f"Från trygghetsvandringarna: {count.dealt} av {count.total} åtgärdade"
    if count.declined:
        sentence += f", {count.declined} {'avböjd' if count.declined == 1 else 'avböjda'}"
    return sentence + "."
