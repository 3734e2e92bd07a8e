"""Reading typed dates: every accepted form gives its one date; everything else is refused with a reason."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from promises_app.domain.periods import MAX_YEAR, MIN_YEAR
from promises_app.domain.typed_dates import MONTH_NAMES, DateTextError, day_first, parse_typed_date

SUPPORTED = st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31))


@pytest.mark.parametrize("text", [
    "2027-03-31", "2027-3-31", "20270331", "  2027-03-31\t", "2027\u201303\u201331",
    "31/3 2027", "31/3-2027", "31.3.2027", "31/03/2027", "31-03-2027", "31/3  2027", "31 / 3 2027",
    "31 mars 2027", "31 MARS 2027", "31 mar 2027", "31 mar. 2027", "den 31 mars 2027", "31\u00a0mars\u00a02027",
])
def test_the_accepted_forms_of_31_march_2027(text: str) -> None:
    assert parse_typed_date(text) == date(2027, 3, 31)


def test_slashes_are_read_day_first_as_swedes_write() -> None:
    assert parse_typed_date("3/4 2027") == date(2027, 4, 3)
    assert parse_typed_date("1 sept 2027") == date(2027, 9, 1)


@pytest.mark.parametrize(("text", "reason"), [
    ("", "Skriv ett datum"),
    ("   ", "Skriv ett datum"),
    ("2027-02-30", "februari 2027 har dagarna 1–28"),
    ("29/2 2027", "februari 2027 har dagarna 1–28"),
    ("2028-02-30", "februari 2028 har dagarna 1–29"),
    ("2027-04-00", "april 2027 har dagarna 1–30"),
    ("2027-13-01", "ingen månad 13"),
    ("03/31/2027", "ingen månad 31"),
    ("0999-01-01", "mellan 1900 och 2999"),
    ("3000-01-01", "mellan 1900 och 2999"),
    ("31/3 27", "fyra siffror"),
    ("31.3.27", "fyra siffror"),
    ("27-03-31", "fyra siffror"),
    ("270331", "fyra siffror"),
    ("31 mars 27", "fyra siffror"),
    ("31/3", "skriv också året"),
    ("31 mars", "skriv också året"),
    ("31 march 2027", "«march» är inget månadsnamn"),
    ("2027-03-31-09-01", "kan inte läsas som ett datum"),
    ("2026-12-31-09-01", "kan inte läsas som ett datum"),
    ("igår", "kan inte läsas som ett datum"),
    ("２０２７-０３-３１", "kan inte läsas som ett datum"),  # full-width digits: not silently read
    ("2027-03-31 12:00", "kan inte läsas som ett datum"),
])
def test_what_is_refused_and_why(text: str, reason: str) -> None:
    with pytest.raises(DateTextError) as refused:
        parse_typed_date(text)
    assert reason in refused.value.message


def test_a_message_quotes_a_long_text_only_in_part_and_on_one_line() -> None:
    with pytest.raises(DateTextError) as refused:
        parse_typed_date("x" * 10_000 + "\n\u202e2027")
    assert len(refused.value.message) < 160
    assert "\n" not in refused.value.message and "\u202e" not in refused.value.message


@given(SUPPORTED)
@example(date(MIN_YEAR, 1, 1))
@example(date(MAX_YEAR, 12, 31))
@example(date(2028, 2, 29))
def test_every_date_reads_back_from_its_iso_and_its_day_first_text(day: date) -> None:
    assert parse_typed_date(day.isoformat()) == day
    assert parse_typed_date(day.strftime("%Y%m%d")) == day
    assert parse_typed_date(day_first(day)) == day
    assert parse_typed_date(f"{day.day:02d}.{day.month:02d}.{day.year}") == day
    assert parse_typed_date(f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}") == day


@given(st.dates().filter(lambda d: not MIN_YEAR <= d.year <= MAX_YEAR))
def test_years_outside_the_supported_range_are_refused(day: date) -> None:
    with pytest.raises(DateTextError):
        parse_typed_date(f"{day.year:04d}-{day.month:02d}-{day.day:02d}")


@given(st.text())
@example("31/3 2027\x00")
@example("İ 2027")
def test_any_text_gives_a_date_or_the_parsers_own_refusal(text: str) -> None:
    try:
        parsed = parse_typed_date(text)
    except DateTextError as error:
        assert error.message and len(error.message) < 200
    else:
        assert isinstance(parsed, date) and MIN_YEAR <= parsed.year <= MAX_YEAR


@given(st.from_regex(r"\A[0-9/.\- ]{1,14}\Z"))
def test_digit_soup_gives_a_date_only_when_it_holds_day_month_and_four_digit_year(text: str) -> None:
    try:
        parsed = parse_typed_date(text)
    except DateTextError:
        return
    assert str(parsed.year) in text, "the year is never guessed"
