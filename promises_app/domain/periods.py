"""Reporting periods (uppföljningsperioder) of an agreement.

Every follow-up of a measure is recorded against one reporting period, and the history
per period is the heart of the product: a report for 2022-T2 must show T2 as it was
reported. The period *label* ("2022-Q3", "2022-T2", "2022-H1", "2022", or for a single
report over the whole agreement the ISO interval "2018-07-01/2020-06-30") is therefore
the key follow-ups are stored under, and it must be stable and canonical.

Agreements do not follow the calendar: real ones run one calendar year, two to four
years, mid-year to mid-year, April–April or a single summer. Periods are always the
*calendar* periods of the agreement's scheme, clipped to the agreement's first and last
day, so a tertial agreement from 2018-07-01 starts with 2018-T2 running 2018-07-01 –
2018-08-31. Keeping the calendar label for a clipped period means "T2" means the same
thing in every municipality's report, and the same label can be looked up again.

Nothing here reads a clock: "today" is always passed in, so the rules are testable and
a report can be produced "as of" any day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, rrule

from promises_app.domain.enums import ReportingScheme
from promises_app.domain.swedish_dates import date_span
from promises_app.domain.validation import quoted

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "Period",
    "PeriodLabelError",
    "current_period",
    "describe",
    "find_period",
    "format_label",
    "parse_label",
    "period_containing",
    "periods_for",
]

#: Years a label may name. Four-digit years keep labels fixed-width and sortable, and
#: anything outside this range is a typing mistake rather than a real agreement.
MIN_YEAR = 1900
MAX_YEAR = 2999

#: Length in months of one calendar period of each calendar scheme.
_MONTHS: dict[ReportingScheme, int] = {
    ReportingScheme.QUARTER: 3,
    ReportingScheme.TERTIAL: 4,
    ReportingScheme.HALF_YEAR: 6,
    ReportingScheme.YEAR: 12,
}

#: The letter in a label ("2022-Q3") for the schemes that have one.
_LETTERS: dict[ReportingScheme, str] = {
    ReportingScheme.QUARTER: "Q",
    ReportingScheme.TERTIAL: "T",
    ReportingScheme.HALF_YEAR: "H",
}
_SCHEME_BY_LETTER: dict[str, ReportingScheme] = {letter: s for s, letter in _LETTERS.items()}

#: Swedish names used by :func:`describe` and in error messages.
_NAMES: dict[ReportingScheme, str] = {
    ReportingScheme.QUARTER: "Kvartal",
    ReportingScheme.TERTIAL: "Tertial",
    ReportingScheme.HALF_YEAR: "Halvår",
}
_SCHEME_WORDS: dict[ReportingScheme, str] = {
    ReportingScheme.QUARTER: "kvartal",
    ReportingScheme.TERTIAL: "tertial",
    ReportingScheme.HALF_YEAR: "halvår",
    ReportingScheme.YEAR: "helår",
    ReportingScheme.WHOLE_PERIOD: "hela perioden",
}
_FOLLOW_UP_RHYTHM: dict[ReportingScheme, str] = {
    ReportingScheme.QUARTER: "per kvartal",
    ReportingScheme.TERTIAL: "per tertial",
    ReportingScheme.HALF_YEAR: "per halvår",
    ReportingScheme.YEAR: "per helår",
    ReportingScheme.WHOLE_PERIOD: "en gång för hela perioden",
}
_RANGE_HINTS: dict[ReportingScheme, str] = {
    ReportingScheme.QUARTER: "Ett år har kvartalen Q1–Q4.",
    ReportingScheme.TERTIAL: "Ett år har tertialen T1–T3.",
    ReportingScheme.HALF_YEAR: "Ett år har halvåren H1–H2.",
}

_EXAMPLES = "Ange t.ex. 2022-Q3, 2022-T2, 2022-H1 eller 2022."

# ASCII digits only: str.isdigit and \d also accept e.g. Arabic-Indic digits.
_YEAR_RE = re.compile(r"[0-9]{4}")
_LETTERED_RE = re.compile(r"([0-9]{4})-([A-Za-z])([0-9]+)")
_INTERVAL_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})/([0-9]{4})-([0-9]{2})-([0-9]{2})")
_SHORT_YEAR_RE = re.compile(r"[0-9]{1,3}(?:-.*)?")


class PeriodLabelError(ValueError):
    """A period label that cannot be read, or is not one of an agreement's periods.

    A ValueError, so callers that only care "was the input bad" need not know this type;
    the message is Swedish and names the label because it is shown to the person who
    typed it. ``label`` keeps the offending text for callers that want to highlight it.
    """

    def __init__(self, message: str, label: str | None = None) -> None:
        super().__init__(message)
        self.label = label


@dataclass(frozen=True)
class Period:
    """One reporting period of one agreement, already clipped to the agreement.

    ``label`` is the canonical key follow-ups are stored under; ``start`` and ``end`` are
    inclusive. Construction checks that the label is canonical, belongs to ``scheme``
    and covers the dates, because a Period whose label disagrees with its dates would
    file follow-ups under the wrong period without anyone noticing.

    Periods sort by (start, end); scheme and label only break ties so that the order
    agrees with equality.
    """

    label: str
    start: date
    end: date
    scheme: ReportingScheme

    def __post_init__(self) -> None:
        # Accept the stored code ("tertial") too, so rows read back from storage compare
        # and match with `is` like freshly computed periods.
        object.__setattr__(self, "scheme", ReportingScheme(self.scheme))
        if self.start > self.end:
            raise ValueError(
                f"Perioden {quoted(self.label)} slutar ({self.end.isoformat()}) "
                f"före sin början ({self.start.isoformat()})."
            )
        scheme, first, last = parse_label(self.label)
        if scheme is not self.scheme:
            raise ValueError(
                f"Perioden {quoted(self.label)} är inte en period av typen {_SCHEME_WORDS[self.scheme]}."
            )
        if scheme is ReportingScheme.WHOLE_PERIOD:
            canonical = _interval_label(first, last)
            covers = (first, last) == (self.start, self.end)
        else:
            canonical = format_label(scheme, first)
            covers = first <= self.start and self.end <= last
        if canonical != self.label:
            raise ValueError(f"Periodens etikett ska skrivas {canonical!r}, inte {quoted(self.label)}.")
        if not covers:
            raise ValueError(
                f"Datumen {self.start.isoformat()} – {self.end.isoformat()} "
                f"ligger inte inom perioden {quoted(self.label)}."
            )

    def contains(self, day: date) -> bool:
        """True when ``day`` falls within this (clipped) period, both ends inclusive."""
        return self.start <= day <= self.end

    def _sort_key(self) -> tuple[date, date, str, str]:
        return (self.start, self.end, self.scheme.value, self.label)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() <= other._sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() > other._sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() >= other._sort_key()


# --------------------------------------------------------------------------- labels


def _bad_label(label: str, hint: str | None = None) -> PeriodLabelError:
    """The standard Swedish error for an unreadable label, with an optional specific hint."""
    if label == "":
        return PeriodLabelError(f"Ingen period angiven. {_EXAMPLES}", label)
    parts = [f"Okänd period: {quoted(label)}."]
    if hint:
        parts.append(hint)
    parts.append(_EXAMPLES)
    return PeriodLabelError(" ".join(parts), label)


def _check_label_year(label: str, year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _bad_label(label, f"Året måste ligga mellan {MIN_YEAR} och {MAX_YEAR}.")


def _check_supported_day(day: date) -> None:
    """Refuse dates whose period could not be written as a label, so every label we hand
    out can be parsed back (and looked up with :func:`find_period`)."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(
            f"Datumet {day.isoformat()} ligger utanför de år som stöds ({MIN_YEAR}–{MAX_YEAR})."
        )


def _calendar_range(scheme: ReportingScheme, year: int, number: int) -> tuple[date, date]:
    """First and last day of calendar period ``number`` (1-based) of ``scheme`` in ``year``."""
    months = _MONTHS[scheme]
    first = date(year, 1 + (number - 1) * months, 1)
    return first, first + relativedelta(months=months, days=-1)


def _calendar_number(scheme: ReportingScheme, day: date) -> int:
    """Which calendar period (1-based) of ``scheme`` within its year ``day`` falls in."""
    return (day.month - 1) // _MONTHS[scheme] + 1


def _interval_label(start: date, end: date) -> str:
    return f"{start.isoformat()}/{end.isoformat()}"


def parse_label(label: str) -> tuple[ReportingScheme, date, date]:
    """The scheme and the *unclipped* calendar range a label names.

    Strict on purpose, because labels are storage keys: surrounding whitespace is
    dropped and the letter may be lower case, but nothing else is guessed ("22-Q1",
    "2022-Q01", "2022 Q1" are errors). The canonical spelling comes only from
    :func:`format_label`. Raises :class:`PeriodLabelError` with a Swedish message.
    """
    if not isinstance(label, str):
        raise PeriodLabelError(f"Okänd period: {quoted(label)}. {_EXAMPLES}", None)
    text = label.strip()

    if _YEAR_RE.fullmatch(text):
        year = int(text)
        _check_label_year(text, year)
        return ReportingScheme.YEAR, date(year, 1, 1), date(year, 12, 31)

    match = _LETTERED_RE.fullmatch(text)
    if match:
        year_text, letter, number_text = match.groups()
        scheme = _SCHEME_BY_LETTER.get(letter.upper())
        if scheme is None:
            raise _bad_label(text, f"'{letter}' är ingen periodtyp; använd Q, T eller H.")
        _check_label_year(text, int(year_text))
        count = 12 // _MONTHS[scheme]
        if len(number_text) != 1 or not 1 <= int(number_text) <= count:
            raise _bad_label(text, _RANGE_HINTS[scheme])
        first, last = _calendar_range(scheme, int(year_text), int(number_text))
        return scheme, first, last

    match = _INTERVAL_RE.fullmatch(text)
    if match:
        numbers = [int(group) for group in match.groups()]
        days: list[date] = []
        for year, month, day in (numbers[:3], numbers[3:]):
            _check_label_year(text, year)
            try:
                days.append(date(year, month, day))
            except ValueError:
                raise _bad_label(
                    text, f"{year:04d}-{month:02d}-{day:02d} är inget giltigt datum."
                ) from None
        first, last = days
        if last < first:
            raise _bad_label(
                text,
                f"Periodens slut ({last.isoformat()}) ligger före dess början ({first.isoformat()}).",
            )
        return ReportingScheme.WHOLE_PERIOD, first, last

    if _SHORT_YEAR_RE.fullmatch(text):
        raise _bad_label(text, "Skriv året med fyra siffror.")
    raise _bad_label(text)


def format_label(scheme: ReportingScheme, day: date) -> str:
    """The canonical label of the calendar period of ``scheme`` that contains ``day``.

    WHOLE_PERIOD has no calendar period (its label is the agreement's own dates), so it
    raises ValueError: use :func:`periods_for` for it.
    """
    if scheme is ReportingScheme.WHOLE_PERIOD:
        raise ValueError(
            "En period för hela överenskommelsen beror på dess datum; använd periods_for()."
        )
    _check_supported_day(day)
    if scheme is ReportingScheme.YEAR:
        return f"{day.year:04d}"
    return f"{day.year:04d}-{_LETTERS[scheme]}{_calendar_number(scheme, day)}"


# --------------------------------------------------------------------------- periods


def _check_agreement(start: date, end: date) -> None:
    if start > end:
        raise ValueError(
            f"Överenskommelsens startdatum ({start.isoformat()}) "
            f"ligger efter slutdatumet ({end.isoformat()})."
        )
    _check_supported_day(start)
    _check_supported_day(end)


def _clipped(scheme: ReportingScheme, calendar_start: date, start: date, end: date) -> Period:
    """The calendar period of ``scheme`` beginning ``calendar_start``, clipped to the agreement."""
    calendar_end = calendar_start + relativedelta(months=_MONTHS[scheme], days=-1)
    return Period(
        label=format_label(scheme, calendar_start),
        start=max(calendar_start, start),
        end=min(calendar_end, end),
        scheme=scheme,
    )


def periods_for(start: date, end: date, scheme: ReportingScheme) -> list[Period]:
    """All reporting periods of an agreement running ``start``–``end`` (inclusive), in order.

    Calendar periods are clipped to the agreement, so the first and last may be short;
    together they cover every day of the agreement exactly once. WHOLE_PERIOD gives one
    period labelled with the agreement's ISO interval. Raises ValueError when start is
    after end or a date lies outside the supported years.
    """
    _check_agreement(start, end)
    if scheme is ReportingScheme.WHOLE_PERIOD:
        return [Period(_interval_label(start, end), start, end, scheme)]
    months = _MONTHS[scheme]
    first_calendar_start, _ = _calendar_range(scheme, start.year, _calendar_number(scheme, start))
    calendar_starts = rrule(
        MONTHLY,
        interval=months,
        dtstart=datetime.combine(first_calendar_start, time()),
        until=datetime.combine(end, time()),
    )
    return [_clipped(scheme, moment.date(), start, end) for moment in calendar_starts]


def period_containing(
    start: date, end: date, scheme: ReportingScheme, day: date
) -> Period | None:
    """The agreement's period that contains ``day``, or None when ``day`` is outside it.

    Computed directly rather than by scanning :func:`periods_for`, but always equal to
    the matching element of that list.
    """
    _check_agreement(start, end)
    if not start <= day <= end:
        return None
    if scheme is ReportingScheme.WHOLE_PERIOD:
        return Period(_interval_label(start, end), start, end, scheme)
    calendar_start, _ = _calendar_range(scheme, day.year, _calendar_number(scheme, day))
    return _clipped(scheme, calendar_start, start, end)


def current_period(start: date, end: date, scheme: ReportingScheme, today: date) -> Period | None:
    """The period to report on "now". ``today`` is passed in: there is no hidden clock,
    so reports can be produced as of any day and the rule can be tested."""
    return period_containing(start, end, scheme, today)


def find_period(start: date, end: date, scheme: ReportingScheme, label: str) -> Period:
    """The agreement's period with ``label`` (any accepted spelling, e.g. " 2022-t2").

    Raises :class:`PeriodLabelError` when the label is unreadable, belongs to another
    scheme, or names a period outside the agreement; the Swedish message names the label
    and the agreement's first and last period so the person can correct it.
    """
    _check_agreement(start, end)
    try:
        label_scheme, first, last = parse_label(label)
    except PeriodLabelError as error:
        raise PeriodLabelError(
            f"{error} {_span_text(start, end, scheme)}", error.label
        ) from None

    shown = label.strip()
    if label_scheme is not scheme:
        raise PeriodLabelError(
            f"Perioden '{shown}' är {_scheme_phrase(label_scheme)}, men överenskommelsen "
            f"följs upp {_FOLLOW_UP_RHYTHM[scheme]}. {_span_text(start, end, scheme)}",
            shown,
        )
    if scheme is ReportingScheme.WHOLE_PERIOD:
        inside = (first, last) == (start, end)
    else:
        inside = first <= end and start <= last
    if not inside:
        raise PeriodLabelError(
            f"Perioden '{shown}' ligger utanför överenskommelsens giltighetstid. "
            f"{_span_text(start, end, scheme)}",
            shown,
        )
    # Computed directly rather than by scanning periods_for, so one lookup costs the
    # same however long the agreement is.
    found = period_containing(start, end, scheme, max(first, start))
    assert found is not None  # the overlap check above guarantees it
    return found


def _scheme_phrase(scheme: ReportingScheme) -> str:
    return {
        ReportingScheme.QUARTER: "ett kvartal",
        ReportingScheme.TERTIAL: "ett tertial",
        ReportingScheme.HALF_YEAR: "ett halvår",
        ReportingScheme.YEAR: "ett helår",
        ReportingScheme.WHOLE_PERIOD: "en period för hela överenskommelsen",
    }[scheme]


def _span_text(start: date, end: date, scheme: ReportingScheme) -> str:
    """Names the agreement's first and last period, so an error says what would be valid."""
    first = period_containing(start, end, scheme, start)
    last = period_containing(start, end, scheme, end)
    assert first is not None and last is not None
    if first == last:
        return f"Överenskommelsens enda period är {first.label}."
    return f"Överenskommelsens perioder går från {first.label} till {last.label}."


def describe(period_or_label: Period | str) -> str:
    """The Swedish name a person reads: "Tertial 2 2022", "Helår 2022", and a whole-period
    report by its dates, "1 juni–31 augusti 2025" (not "Hela perioden 2025-06-01/2025-08-31").

    A clipped period keeps its calendar name (2018-T2 is "Tertial 2 2018" even if the
    agreement starts in July), matching the label it is filed under.
    """
    label = period_or_label.label if isinstance(period_or_label, Period) else period_or_label
    scheme, first, last = parse_label(label)
    if scheme is ReportingScheme.WHOLE_PERIOD:
        return date_span(first, last)
    if scheme is ReportingScheme.YEAR:
        return f"Helår {first.year}"
    return f"{_NAMES[scheme]} {_calendar_number(scheme, first)} {first.year}"
