"""Reading a date that a person typed: ISO ``2027-03-31`` or Swedish day-first ``31/3 2027``.

The window's date fields are plain text fields (``ui/common/date_input.py``): they show exactly what was
typed, and on saving the text is read here. Either the text names one date without any doubt, or
it is refused with a Swedish reason; it is never turned into some other date (a spin-box style
date field once saved 2026-02-12 for a typed 2026-12-31).

Accepted (spaces around the text are ignored, dashes may be any dash, case does not matter):

- ISO: ``2027-03-31`` (also ``2027-3-31``) and the compact ``20270331``;
- day first, as Swedes write by hand: ``31/3 2027``, ``31/3-2027``, ``31.3.2027``,
  ``31/03/2027``, ``31-03-2027``;
- with the month's Swedish name: ``31 mars 2027``, ``31 mar 2027``, ``den 31 mars 2027``.

Refused, each with its reason: text that is no date; impossible dates (``2027-02-30``, month
13); years outside :data:`~promises_app.domain.periods.MIN_YEAR` –
:data:`~promises_app.domain.periods.MAX_YEAR`; two-digit years (``31/3 27``, ``270331``:
1927 or 2027?) and dates without a year (``31/3``): guessing the century or the year is what
the product must not do silently. A slash-separated date is always read day first
(``3/4 2027`` is 3 April), as Swedish writing has it; month-first US dates are not read.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from promises_app.domain.periods import MAX_YEAR, MIN_YEAR

__all__ = ["EXAMPLES", "DateTextError", "day_first", "parse_typed_date"]

#: What the messages suggest.
EXAMPLES = "2027-03-31 eller 31/3 2027"

#: The most of the typed text a message quotes.
QUOTE_MAX = 60

MONTH_NAMES = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)
#: Full names and the usual abbreviations (with or without a full stop, see the pattern).
_MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTH_NAMES, 1)},
    **{name[:3]: number for number, name in enumerate(MONTH_NAMES, 1)},
    "sept": 9,
}

#: Hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus: all read as "-".
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
_SPACE = re.compile(r"\s+")

# Digits are ASCII only: "\d" would also take Arabic-Indic or full-width digits.
_ISO = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})")
_COMPACT = re.compile(r"(?P<y>[0-9]{4})(?P<m>[0-9]{2})(?P<d>[0-9]{2})")
_DAY_FIRST = re.compile(r"(?P<d>[0-9]{1,2}) ?[/.-] ?(?P<m>[0-9]{1,2})(?: ?[/.-] ?| )(?P<y>[0-9]{4})")
_NAMED = re.compile(r"(?:den )?(?P<d>[0-9]{1,2})\.? (?P<name>[^\W\d_]+)\.? ?(?P<y>[0-9]{4})")
# The same shapes with a two-digit year, or without a year: refused with their own reason.
_SHORT_YEAR = re.compile(
    r"[0-9]{1,2} ?[/.-] ?[0-9]{1,2}(?: ?[/.-] ?| )[0-9]{2}"
    r"|[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}"
    r"|[0-9]{6}"
    r"|(?:den )?[0-9]{1,2}\.? [^\W\d_]+\.? ?[0-9]{2}"
)
_NO_YEAR = re.compile(r"[0-9]{1,2} ?[/.] ?[0-9]{1,2}|(?:den )?[0-9]{1,2}\.? [^\W\d_]+\.?")


class DateTextError(ValueError):
    """The text is not one certain date; ``message`` says why, in Swedish, quoting the text."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def quoted(text: str) -> str:
    """The typed text in «», cut to :data:`QUOTE_MAX` characters, on one line, control and
    direction characters shown as "?" (they could make the message read differently)."""
    one_line = "".join(char if char.isprintable() else "?" for char in " ".join(text.split()))
    if len(one_line) > QUOTE_MAX:
        one_line = one_line[: QUOTE_MAX - 1] + "…"
    return f"«{one_line}»"


def day_first(day: date) -> str:
    """``day`` as ``31/3 2027``: the Swedish handwritten form this module reads back."""
    return f"{day.day}/{day.month} {day.year}"


def parse_typed_date(text: str) -> date:
    """The one date ``text`` names, or :class:`DateTextError` with the reason (never another date)."""
    cleaned = _SPACE.sub(" ", text.translate(_DASHES)).strip().lower()
    if not cleaned:
        raise DateTextError(f"Skriv ett datum, t.ex. {EXAMPLES}.")
    match = _ISO.fullmatch(cleaned) or _COMPACT.fullmatch(cleaned) or _DAY_FIRST.fullmatch(cleaned)
    if match is not None:
        return _checked(text, int(match["y"]), int(match["m"]), int(match["d"]))
    match = _NAMED.fullmatch(cleaned)
    if match is not None and match["name"] in _MONTHS:
        return _checked(text, int(match["y"]), _MONTHS[match["name"]], int(match["d"]))
    if match is not None:
        raise DateTextError(
            f"{quoted(text)}: «{match['name'][:20]}» är inget månadsnamn. Skriv t.ex. {EXAMPLES}."
        )
    if _SHORT_YEAR.fullmatch(cleaned):
        raise DateTextError(
            f"{quoted(text)}: skriv året med fyra siffror (t.ex. {EXAMPLES}), så att det inte kan "
            "tas för ett annat århundrade."
        )
    if _NO_YEAR.fullmatch(cleaned):
        raise DateTextError(f"{quoted(text)}: skriv också året, t.ex. {EXAMPLES}.")
    raise DateTextError(f"{quoted(text)} kan inte läsas som ett datum. Skriv t.ex. {EXAMPLES}.")


def _checked(text: str, year: int, month: int, day: int) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateTextError(f"{quoted(text)}: året måste ligga mellan {MIN_YEAR} och {MAX_YEAR}.")
    if not 1 <= month <= 12:
        raise DateTextError(f"{quoted(text)} är inget datum: det finns ingen månad {month}.")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateTextError(
            f"{quoted(text)} är inget datum: {MONTH_NAMES[month - 1]} {year} har dagarna 1–{last}."
        )
    return date(year, month, day)
