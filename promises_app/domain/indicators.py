"""Indicators: the lägesbild in numbers (reported crimes, survey shares, activity counts).

The coded values an indicator carries (its source, which direction is better, the sex a value
is for), the rules for its period labels, and :func:`trend`: is the latest value better or
worse than the baseline, and is the target reached. Pure Python, so reports, the window and
the import share one answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from promises_app.domain.enums import ReportingScheme

E = TypeVar("E", bound=StrEnum)


class IndicatorSource(StrEnum):
    """Where the numbers come from."""

    REPORTED_CRIME = "reported_crime"  # Anmälda brott
    NTU = "ntu"  # Brås Nationella trygghetsundersökning (NTU)
    POLICE_SURVEY = "police_survey"  # Polisens trygghetsmätning
    MUNICIPAL_SURVEY = "municipal_survey"  # Kommunens trygghetsmätning
    ACTIVITY_COUNT = "activity_count"  # Aktiviteter
    #: Not "other": a StrEnum hashes and compares as its value, so that code would be the same
    #: dictionary key as OrganisationKind.OTHER (vocabulary.SWEDISH). The import reads "other" too.
    OTHER_SOURCE = "other_source"  # Annan källa


class Direction(StrEnum):
    """Which way is better: fewer crimes (lower) or a larger share feeling safe (higher)."""

    LOWER_IS_BETTER = "lower_is_better"
    HIGHER_IS_BETTER = "higher_is_better"


class Sex(StrEnum):
    """Whom a value counts: everyone, or (for an indicator split by sex) women or men."""

    TOTAL = "total"
    WOMEN = "women"
    MEN = "men"


class Verdict(StrEnum):
    """The latest value against the baseline."""

    BETTER = "better"
    WORSE = "worse"
    UNCHANGED = "unchanged"
    #: No baseline, or no value after the baseline's period yet.
    UNKNOWN = "unknown"


def canonical_period(label: str) -> str:
    """The stored spelling of a period label ("2022-t2" → "2022-T2").

    Raises ``periods.PeriodLabelError`` (a ValueError with a Swedish message) for a label
    that is not a year, a quarter, a tertial, a half-year or a date interval.
    """
    from promises_app.domain.periods import format_label, parse_label  # dateutil: when a period is read

    scheme, start, end = parse_label(label)
    if scheme is ReportingScheme.WHOLE_PERIOD:
        return f"{start.isoformat()}/{end.isoformat()}"
    return format_label(scheme, start)


def period_sort_key(label: str) -> tuple[date, date, str]:
    """Order periods by the day they end, then the day they start: the latest data comes last
    (2021 < 2022-T1 < 2022-T2 < 2022); the label only breaks ties."""
    from promises_app.domain.periods import parse_label

    _scheme, start, end = parse_label(label)
    return end, start, label


@dataclass(frozen=True)
class Trend:
    """Where an indicator stands: its baseline, its latest value and what they say."""

    baseline_period: str | None
    baseline: float | None
    latest_period: str | None
    latest: float | None
    #: latest − baseline, or None when either is missing.
    change: float | None
    verdict: Verdict
    #: None when there is no target (or no value to compare with it).
    target_reached: bool | None


def is_better(new: float, old: float, direction: Direction | str) -> bool:
    return new < old if Direction(direction) is Direction.LOWER_IS_BETTER else new > old


def same_value(a: float, b: float) -> bool:
    """Equal as far as the numbers people type can tell (floats: 0.1 + 0.2 == 0.3)."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def trend(
    values: Iterable[tuple[str, float]],
    direction: Direction | str,
    *,
    baseline_period: str | None = None,
    baseline_value: float | None = None,
    target: float | None = None,
) -> Trend:
    """Compare the latest value with the baseline, and the latest value with the target.

    ``values`` are ``(period label, value)`` pairs of one series (e.g. the totals), in any
    order. The baseline is ``baseline_value`` when given, else the value of
    ``baseline_period``, else (no baseline period either) the earliest value. The latest
    value is the last one by period, and only counts when it is later than the baseline's
    period: a series with nothing after its baseline has verdict UNKNOWN. The target is
    reached when the latest value (or the baseline, while there is no later value) is at
    least as good as the target in the indicator's direction.
    """
    direction = Direction(direction)
    series = sorted(((canonical_period(p), float(v)) for p, v in values), key=lambda pv: period_sort_key(pv[0]))
    if baseline_period is not None:
        baseline_period = canonical_period(baseline_period)
    baseline = baseline_value
    if baseline is None:
        if baseline_period is not None:
            baseline = next((v for p, v in series if p == baseline_period), None)
        elif series:
            baseline_period, baseline = series[0]
    latest_period: str | None = None
    latest: float | None = None
    if series:
        last_period, last_value = series[-1]
        after_baseline = (
            period_sort_key(last_period) > period_sort_key(baseline_period)
            if baseline_period is not None
            else baseline_value is not None or len(series) > 1
        )
        if after_baseline:
            latest_period, latest = last_period, last_value

    if baseline is None or latest is None:
        verdict, change = Verdict.UNKNOWN, None
    else:
        change = latest - baseline
        if same_value(latest, baseline):
            verdict = Verdict.UNCHANGED
        elif is_better(latest, baseline, direction):
            verdict = Verdict.BETTER
        else:
            verdict = Verdict.WORSE

    current = latest if latest is not None else baseline
    reached: bool | None = None
    if target is not None and current is not None:
        reached = same_value(current, target) or is_better(current, target, direction)
    return Trend(baseline_period, baseline, latest_period, latest, change, verdict, reached)


# --------------------------------------------------------------------------- reading what people type

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?")
#: Spaces Swedish programs put between thousands ("1 234,5"): space, no-break, thin, narrow no-break.
_THOUSANDS = str.maketrans("", "", " \u00a0\u2009\u202f")


def parse_number(text: str) -> float:
    """A number as a Swedish spreadsheet writes it: decimal comma or point, spaces between
    thousands, an optional trailing "%" (the number is kept as written: "57 %" → 57).

    Raises ValueError with a Swedish message ("'12,3,4' är inget tal.").
    """
    shown = text.strip()
    cleaned = shown.translate(_THOUSANDS).replace("\u2212", "-")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1]
    if "," in cleaned and "." in cleaned:
        raise ValueError(f"'{shown}' är inget tal (använd decimalkomma eller decimalpunkt, inte båda).")
    if cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(f"'{shown}' är inget tal.")
    number = float(cleaned)
    if not math.isfinite(number):
        raise ValueError(f"'{shown}' är för stort.")
    return number


_WORDS: dict[type, dict[str, StrEnum]] = {}


def _words(enum_cls: type[StrEnum], aliases: Mapping[str, StrEnum]) -> dict[str, StrEnum]:
    """Every spelling that names a member (code, Swedish word, alias), casefolded; built once."""
    found = _WORDS.get(enum_cls)
    if found is None:
        from promises_app.domain.vocabulary import SWEDISH  # vocabulary imports this module

        found = {}
        for member in enum_cls:
            found[member.value.casefold()] = member
            found[SWEDISH[member].casefold()] = member
        found.update({key.casefold(): value for key, value in aliases.items()})
        _WORDS[enum_cls] = found
    return found


def _parse_word(enum_cls: type[E], text: str, aliases: Mapping[str, E]) -> E:
    """The member ``text`` names (code, Swedish word or alias; case and spacing ignored).

    Raises ValueError with a Swedish message listing the words to use.
    """
    words = _words(enum_cls, aliases)
    member = words.get(" ".join(text.split()).casefold())
    if not isinstance(member, enum_cls):  # None: no such word (every found word is a member)
        from promises_app.domain.vocabulary import SWEDISH

        names = [f"'{SWEDISH[m]}'" for m in enum_cls]
        known = ", ".join(names[:-1]) + " eller " + names[-1]
        raise ValueError(f"'{text.strip()}' känns inte igen (skriv {known}).")
    return member


def parse_source(text: str) -> IndicatorSource:
    """A source from its Swedish words or its code ("Anmälda brott", "ntu", "NTU", "other")."""
    aliases = {"other": IndicatorSource.OTHER_SOURCE, "annan": IndicatorSource.OTHER_SOURCE}
    return _parse_word(IndicatorSource, text, aliases)


def parse_direction(text: str) -> Direction:
    """"Lägre är bättre" / "Högre är bättre" (or the codes)."""
    aliases = {"lägre": Direction.LOWER_IS_BETTER, "högre": Direction.HIGHER_IS_BETTER}
    return _parse_word(Direction, text, aliases)


def parse_sex(text: str) -> Sex:
    """"Totalt" / "Kvinnor" / "Män" (or the codes); empty means the total."""
    if not text.strip():
        return Sex.TOTAL
    aliases = {"alla": Sex.TOTAL, "kvinna": Sex.WOMEN, "man": Sex.MEN, "k": Sex.WOMEN, "m": Sex.MEN}
    return _parse_word(Sex, text, aliases)
