"""Tests for reporting periods: labels, clipping and every agreement shape real data has."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from promises_app.domain.enums import ReportingScheme
from promises_app.domain.periods import (
    Period,
    PeriodLabelError,
    current_period,
    describe,
    find_period,
    format_label,
    parse_label,
    period_containing,
    periods_for,
)

Q = ReportingScheme.QUARTER
T = ReportingScheme.TERTIAL
H = ReportingScheme.HALF_YEAR
Y = ReportingScheme.YEAR
W = ReportingScheme.WHOLE_PERIOD
CALENDAR_SCHEMES = [Q, T, H, Y]


def spans(periods: list[Period]) -> list[tuple[str, date, date]]:
    return [(p.label, p.start, p.end) for p in periods]


def labels(periods: list[Period]) -> list[str]:
    return [p.label for p in periods]


# --------------------------------------------------------------------------- parse_label


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("2022-Q1", (Q, date(2022, 1, 1), date(2022, 3, 31))),
        ("2022-Q2", (Q, date(2022, 4, 1), date(2022, 6, 30))),
        ("2022-Q3", (Q, date(2022, 7, 1), date(2022, 9, 30))),
        ("2022-Q4", (Q, date(2022, 10, 1), date(2022, 12, 31))),
        ("2022-T1", (T, date(2022, 1, 1), date(2022, 4, 30))),
        ("2022-T2", (T, date(2022, 5, 1), date(2022, 8, 31))),
        ("2022-T3", (T, date(2022, 9, 1), date(2022, 12, 31))),
        ("2022-H1", (H, date(2022, 1, 1), date(2022, 6, 30))),
        ("2022-H2", (H, date(2022, 7, 1), date(2022, 12, 31))),
        ("2022", (Y, date(2022, 1, 1), date(2022, 12, 31))),
        ("2018-07-01/2020-06-30", (W, date(2018, 7, 1), date(2020, 6, 30))),
        ("2022-06-01/2022-06-01", (W, date(2022, 6, 1), date(2022, 6, 1))),
        ("1900", (Y, date(1900, 1, 1), date(1900, 12, 31))),
        ("2999-Q4", (Q, date(2999, 10, 1), date(2999, 12, 31))),
    ],
)
def test_parse_label_every_kind(label: str, expected: tuple[ReportingScheme, date, date]) -> None:
    assert parse_label(label) == expected


def test_parse_label_leap_year_quarter_and_tertial() -> None:
    assert parse_label("2024-Q1") == (Q, date(2024, 1, 1), date(2024, 3, 31))
    assert parse_label("2024-T1") == (T, date(2024, 1, 1), date(2024, 4, 30))
    assert parse_label("2024-02-29/2025-02-28") == (W, date(2024, 2, 29), date(2025, 2, 28))


@pytest.mark.parametrize("label", ["2022-q3", " 2022-Q3", "2022-Q3 \n", "\t2022-q3 "])
def test_parse_label_tolerates_case_and_surrounding_whitespace(label: str) -> None:
    assert parse_label(label) == (Q, date(2022, 7, 1), date(2022, 9, 30))


@pytest.mark.parametrize(
    ("label", "fragment"),
    [
        ("2022-Q5", "Q1–Q4"),
        ("2022-Q0", "Q1–Q4"),
        ("2022-Q01", "Q1–Q4"),
        ("2022-T4", "T1–T3"),
        ("2022-H3", "H1–H2"),
        ("2022-X1", "'X'"),
        ("22-Q1", "fyra siffror"),
        ("2022-Q1x", "Ange t.ex."),
        ("2022 Q1", "Ange t.ex."),
        ("2022-", "Ange t.ex."),
        ("Q3-2022", "Ange t.ex."),
        ("1899", "1900 och 2999"),
        ("3000-Q1", "1900 och 2999"),
        ("2020-06-30/2018-07-01", "före dess början"),
        ("2022-02-29/2022-12-31", "2022-02-29 är inget giltigt datum"),
        ("2022-13-01/2022-12-31", "inget giltigt datum"),
        ("2022-1-1/2022-12-31", "Ange t.ex."),
        ("2022-01-01 / 2022-12-31", "Ange t.ex."),
        ("2022-01-01/", "Ange t.ex."),
        ("٢٠٢٢", "Ange t.ex."),  # Arabic-Indic digits are not a year label
    ],
)
def test_parse_label_errors_name_the_label(label: str, fragment: str) -> None:
    with pytest.raises(PeriodLabelError) as info:
        parse_label(label)
    message = str(info.value)
    assert message.startswith(f"Okänd period: '{label.strip()}'.")
    assert fragment in message
    assert info.value.label == label.strip()


def test_parse_label_error_matches_documented_example() -> None:
    with pytest.raises(PeriodLabelError) as info:
        parse_label("2022-T4")
    assert str(info.value).startswith("Okänd period: '2022-T4'.")
    assert str(info.value).endswith("Ange t.ex. 2022-Q3, 2022-T2, 2022-H1 eller 2022.")


@pytest.mark.parametrize("label", ["", "   "])
def test_parse_label_empty(label: str) -> None:
    with pytest.raises(PeriodLabelError, match="Ingen period angiven"):
        parse_label(label)


def test_period_label_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_label("nonsense")


# --------------------------------------------------------------------------- format_label


@pytest.mark.parametrize(
    ("scheme", "day", "label"),
    [
        (Q, date(2022, 1, 1), "2022-Q1"),
        (Q, date(2022, 3, 31), "2022-Q1"),
        (Q, date(2022, 4, 1), "2022-Q2"),
        (Q, date(2022, 12, 31), "2022-Q4"),
        (T, date(2022, 4, 30), "2022-T1"),
        (T, date(2022, 5, 1), "2022-T2"),
        (T, date(2022, 8, 31), "2022-T2"),
        (T, date(2022, 9, 1), "2022-T3"),
        (H, date(2022, 6, 30), "2022-H1"),
        (H, date(2022, 7, 1), "2022-H2"),
        (Y, date(2022, 7, 1), "2022"),
        (Q, date(2024, 2, 29), "2024-Q1"),
        (T, date(2024, 2, 29), "2024-T1"),
        (H, date(2024, 2, 29), "2024-H1"),
        (Y, date(2024, 2, 29), "2024"),
    ],
)
def test_format_label(scheme: ReportingScheme, day: date, label: str) -> None:
    assert format_label(scheme, day) == label


def test_format_label_whole_period_needs_the_agreement() -> None:
    with pytest.raises(ValueError):
        format_label(W, date(2022, 1, 1))


def test_format_label_outside_supported_years() -> None:
    with pytest.raises(ValueError):
        format_label(Q, date(1899, 12, 31))


# --------------------------------------------------------------------------- Period


def test_period_contains_is_inclusive() -> None:
    period = Period("2022-T2", date(2022, 5, 1), date(2022, 8, 31), T)
    assert period.contains(date(2022, 5, 1))
    assert period.contains(date(2022, 8, 31))
    assert not period.contains(date(2022, 4, 30))
    assert not period.contains(date(2022, 9, 1))


def test_periods_sort_by_start() -> None:
    periods = periods_for(date(2022, 1, 1), date(2022, 12, 31), Q)
    assert sorted(reversed(periods)) == periods
    assert periods[0] < periods[1] <= periods[1] < periods[2]
    assert periods[3] > periods[2] >= periods[2]


def test_period_accepts_the_stored_scheme_code() -> None:
    period = Period("2022-T2", date(2022, 5, 1), date(2022, 8, 31), "tertial")  # type: ignore[arg-type]
    assert period.scheme is T
    assert period == Period("2022-T2", date(2022, 5, 1), date(2022, 8, 31), T)


def test_period_is_hashable_and_frozen() -> None:
    period = Period("2022", date(2022, 1, 1), date(2022, 12, 31), Y)
    assert {period: 1}[Period("2022", date(2022, 1, 1), date(2022, 12, 31), Y)] == 1
    with pytest.raises(AttributeError):
        period.label = "2023"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("label", "start", "end", "scheme"),
    [
        ("2022-T2", date(2022, 9, 1), date(2022, 5, 1), T),  # end before start
        ("2022-T2", date(2022, 5, 1), date(2022, 9, 1), T),  # outside the tertial
        ("2022-Q3", date(2022, 7, 1), date(2022, 9, 30), T),  # label of another scheme
        ("2022-q3", date(2022, 7, 1), date(2022, 9, 30), Q),  # not canonical
        ("2022-01-01/2022-12-31", date(2022, 1, 1), date(2022, 6, 30), W),  # dates differ
    ],
)
def test_period_rejects_inconsistent_label(
    label: str, start: date, end: date, scheme: ReportingScheme
) -> None:
    with pytest.raises(ValueError):
        Period(label, start, end, scheme)


# --------------------------------------------------------------------------- periods_for: variants


def test_calendar_year_2022_quarters() -> None:
    assert spans(periods_for(date(2022, 1, 1), date(2022, 12, 31), Q)) == [
        ("2022-Q1", date(2022, 1, 1), date(2022, 3, 31)),
        ("2022-Q2", date(2022, 4, 1), date(2022, 6, 30)),
        ("2022-Q3", date(2022, 7, 1), date(2022, 9, 30)),
        ("2022-Q4", date(2022, 10, 1), date(2022, 12, 31)),
    ]


def test_calendar_year_2022_tertials() -> None:
    assert spans(periods_for(date(2022, 1, 1), date(2022, 12, 31), T)) == [
        ("2022-T1", date(2022, 1, 1), date(2022, 4, 30)),
        ("2022-T2", date(2022, 5, 1), date(2022, 8, 31)),
        ("2022-T3", date(2022, 9, 1), date(2022, 12, 31)),
    ]


def test_calendar_year_2022_halves_year_and_whole() -> None:
    start, end = date(2022, 1, 1), date(2022, 12, 31)
    assert spans(periods_for(start, end, H)) == [
        ("2022-H1", date(2022, 1, 1), date(2022, 6, 30)),
        ("2022-H2", date(2022, 7, 1), date(2022, 12, 31)),
    ]
    assert spans(periods_for(start, end, Y)) == [("2022", start, end)]
    assert spans(periods_for(start, end, W)) == [("2022-01-01/2022-12-31", start, end)]


def test_every_period_has_its_scheme() -> None:
    for scheme in ReportingScheme:
        assert {p.scheme for p in periods_for(date(2022, 1, 1), date(2022, 12, 31), scheme)} == {
            scheme
        }


def test_two_years_2023_2024() -> None:
    start, end = date(2023, 1, 1), date(2024, 12, 31)
    assert labels(periods_for(start, end, Q)) == [
        f"{year}-Q{n}" for year in (2023, 2024) for n in (1, 2, 3, 4)
    ]
    assert labels(periods_for(start, end, T)) == [
        "2023-T1", "2023-T2", "2023-T3", "2024-T1", "2024-T2", "2024-T3",
    ]
    assert labels(periods_for(start, end, H)) == ["2023-H1", "2023-H2", "2024-H1", "2024-H2"]
    assert labels(periods_for(start, end, Y)) == ["2023", "2024"]
    assert labels(periods_for(start, end, W)) == ["2023-01-01/2024-12-31"]
    # 2024 is a leap year: its first quarter and tertial include 29 February.
    q1_2024 = find_period(start, end, Q, "2024-Q1")
    assert q1_2024.contains(date(2024, 2, 29))
    assert q1_2024.end == date(2024, 3, 31)


@pytest.mark.parametrize(("years", "quarters"), [(3, 12), (4, 16)])
def test_three_and_four_years(years: int, quarters: int) -> None:
    start = date(2019, 1, 1)
    end = start + relativedelta(years=years, days=-1)
    assert len(periods_for(start, end, Q)) == quarters
    assert len(periods_for(start, end, T)) == 3 * years
    assert len(periods_for(start, end, H)) == 2 * years
    assert labels(periods_for(start, end, Y)) == [str(2019 + i) for i in range(years)]


def test_helsingborg_style_four_year_agreement_mid_year() -> None:
    # Helsingborg 2018–2022: a SÖK over several years starting mid-year.
    periods = periods_for(date(2018, 7, 1), date(2022, 6, 30), Y)
    assert spans(periods) == [
        ("2018", date(2018, 7, 1), date(2018, 12, 31)),
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("2020", date(2020, 1, 1), date(2020, 12, 31)),
        ("2021", date(2021, 1, 1), date(2021, 12, 31)),
        ("2022", date(2022, 1, 1), date(2022, 6, 30)),
    ]


def test_mid_year_to_mid_year_tertials_are_clipped() -> None:
    periods = periods_for(date(2018, 7, 1), date(2020, 6, 30), T)
    assert spans(periods) == [
        ("2018-T2", date(2018, 7, 1), date(2018, 8, 31)),
        ("2018-T3", date(2018, 9, 1), date(2018, 12, 31)),
        ("2019-T1", date(2019, 1, 1), date(2019, 4, 30)),
        ("2019-T2", date(2019, 5, 1), date(2019, 8, 31)),
        ("2019-T3", date(2019, 9, 1), date(2019, 12, 31)),
        ("2020-T1", date(2020, 1, 1), date(2020, 4, 30)),
        ("2020-T2", date(2020, 5, 1), date(2020, 6, 30)),
    ]


def test_mid_year_to_mid_year_quarters_halves_and_whole() -> None:
    start, end = date(2018, 7, 1), date(2020, 6, 30)
    quarters = periods_for(start, end, Q)
    assert len(quarters) == 8
    assert labels(quarters)[0] == "2018-Q3"
    assert labels(quarters)[-1] == "2020-Q2"
    assert labels(periods_for(start, end, H)) == ["2018-H2", "2019-H1", "2019-H2", "2020-H1"]
    assert spans(periods_for(start, end, W)) == [("2018-07-01/2020-06-30", start, end)]


def test_april_to_april() -> None:
    start, end = date(2023, 4, 1), date(2024, 3, 31)
    assert labels(periods_for(start, end, Q)) == ["2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1"]
    assert spans(periods_for(start, end, T)) == [
        ("2023-T1", date(2023, 4, 1), date(2023, 4, 30)),
        ("2023-T2", date(2023, 5, 1), date(2023, 8, 31)),
        ("2023-T3", date(2023, 9, 1), date(2023, 12, 31)),
        ("2024-T1", date(2024, 1, 1), date(2024, 3, 31)),
    ]
    assert spans(periods_for(start, end, H)) == [
        ("2023-H1", date(2023, 4, 1), date(2023, 6, 30)),
        ("2023-H2", date(2023, 7, 1), date(2023, 12, 31)),
        ("2024-H1", date(2024, 1, 1), date(2024, 3, 31)),
    ]
    assert spans(periods_for(start, end, Y)) == [
        ("2023", date(2023, 4, 1), date(2023, 12, 31)),
        ("2024", date(2024, 1, 1), date(2024, 3, 31)),
    ]


def test_single_summer() -> None:
    start, end = date(2022, 6, 1), date(2022, 8, 31)
    assert spans(periods_for(start, end, T)) == [("2022-T2", start, end)]
    assert spans(periods_for(start, end, Q)) == [
        ("2022-Q2", date(2022, 6, 1), date(2022, 6, 30)),
        ("2022-Q3", date(2022, 7, 1), date(2022, 8, 31)),
    ]
    assert spans(periods_for(start, end, H)) == [
        ("2022-H1", date(2022, 6, 1), date(2022, 6, 30)),
        ("2022-H2", date(2022, 7, 1), date(2022, 8, 31)),
    ]
    assert spans(periods_for(start, end, Y)) == [("2022", start, end)]


@pytest.mark.parametrize("scheme", list(ReportingScheme))
def test_one_day_agreement_gives_one_period(scheme: ReportingScheme) -> None:
    day = date(2022, 5, 17)
    periods = periods_for(day, day, scheme)
    assert len(periods) == 1
    assert (periods[0].start, periods[0].end) == (day, day)


def test_agreement_starting_on_leap_day() -> None:
    start, end = date(2024, 2, 29), date(2025, 2, 28)
    assert spans(periods_for(start, end, Q))[0] == ("2024-Q1", date(2024, 2, 29), date(2024, 3, 31))
    assert spans(periods_for(start, end, Q))[-1] == ("2025-Q1", date(2025, 1, 1), date(2025, 2, 28))
    assert spans(periods_for(start, end, T))[0] == ("2024-T1", date(2024, 2, 29), date(2024, 4, 30))
    assert spans(periods_for(start, end, W)) == [("2024-02-29/2025-02-28", start, end)]


def test_agreement_ending_on_leap_day() -> None:
    start, end = date(2023, 3, 1), date(2024, 2, 29)
    assert spans(periods_for(start, end, T))[-1] == ("2024-T1", date(2024, 1, 1), date(2024, 2, 29))
    assert spans(periods_for(start, end, H))[-1] == ("2024-H1", date(2024, 1, 1), date(2024, 2, 29))
    assert spans(periods_for(start, end, Y)) == [
        ("2023", date(2023, 3, 1), date(2023, 12, 31)),
        ("2024", date(2024, 1, 1), date(2024, 2, 29)),
    ]
    assert period_containing(start, end, T, date(2024, 2, 29)) == periods_for(start, end, T)[-1]
    assert period_containing(start, end, T, date(2024, 3, 1)) is None


def test_leap_day_only_agreement() -> None:
    day = date(2024, 2, 29)
    assert spans(periods_for(day, day, Q)) == [("2024-Q1", day, day)]
    assert find_period(day, day, W, "2024-02-29/2024-02-29").end == day


def test_periods_for_rejects_start_after_end() -> None:
    with pytest.raises(ValueError, match="startdatum"):
        periods_for(date(2023, 1, 1), date(2022, 12, 31), Q)


def test_periods_for_rejects_unsupported_years() -> None:
    with pytest.raises(ValueError):
        periods_for(date(1899, 1, 1), date(1900, 12, 31), Y)


# --------------------------------------------------------------------------- containing / current


def test_period_containing_and_current_period() -> None:
    start, end = date(2018, 7, 1), date(2020, 6, 30)
    assert period_containing(start, end, T, date(2018, 7, 1)) == Period(
        "2018-T2", date(2018, 7, 1), date(2018, 8, 31), T
    )
    assert period_containing(start, end, T, date(2018, 6, 30)) is None
    assert period_containing(start, end, T, date(2020, 7, 1)) is None
    assert current_period(start, end, T, date(2020, 6, 30)) == Period(
        "2020-T2", date(2020, 5, 1), date(2020, 6, 30), T
    )
    assert current_period(start, end, W, date(2019, 1, 1)) == periods_for(start, end, W)[0]
    assert current_period(start, end, W, date(2021, 1, 1)) is None


# --------------------------------------------------------------------------- find_period


def test_find_period_normalises_the_label() -> None:
    start, end = date(2022, 1, 1), date(2022, 12, 31)
    assert find_period(start, end, T, " 2022-t2") == Period(
        "2022-T2", date(2022, 5, 1), date(2022, 8, 31), T
    )


def test_find_period_returns_the_clipped_period() -> None:
    start, end = date(2018, 7, 1), date(2020, 6, 30)
    assert find_period(start, end, T, "2018-T2") == Period(
        "2018-T2", date(2018, 7, 1), date(2018, 8, 31), T
    )
    assert find_period(start, end, W, "2018-07-01/2020-06-30").scheme is W


def test_find_period_rejects_a_label_of_another_scheme() -> None:
    with pytest.raises(PeriodLabelError) as info:
        find_period(date(2022, 1, 1), date(2022, 12, 31), T, "2022-Q3")
    message = str(info.value)
    assert "'2022-Q3'" in message
    assert "kvartal" in message
    assert "2022-T1" in message and "2022-T3" in message


def test_find_period_rejects_a_label_outside_the_agreement() -> None:
    with pytest.raises(PeriodLabelError) as info:
        find_period(date(2018, 7, 1), date(2020, 6, 30), T, "2018-T1")
    message = str(info.value)
    assert "'2018-T1'" in message
    assert "utanför" in message
    assert "2018-T2" in message and "2020-T2" in message


def test_find_period_rejects_another_interval_for_whole_period() -> None:
    with pytest.raises(PeriodLabelError, match="utanför"):
        find_period(date(2018, 7, 1), date(2020, 6, 30), W, "2018-07-01/2020-12-31")
    with pytest.raises(PeriodLabelError, match="hela perioden"):
        find_period(date(2022, 1, 1), date(2022, 12, 31), W, "2022")


def test_find_period_unreadable_label_mentions_the_agreement() -> None:
    with pytest.raises(PeriodLabelError) as info:
        find_period(date(2022, 6, 1), date(2022, 8, 31), T, "2022-T4")
    message = str(info.value)
    assert "'2022-T4'" in message
    assert "enda period är 2022-T2" in message


# --------------------------------------------------------------------------- describe


@pytest.mark.parametrize(
    ("label", "text"),
    [
        ("2022-Q3", "Kvartal 3 2022"),
        ("2022-T2", "Tertial 2 2022"),
        ("2022-H1", "Halvår 1 2022"),
        ("2022", "Helår 2022"),
        ("2018-07-01/2020-06-30", "1 juli 2018 \u2013 30 juni 2020"),
        ("2025-06-01/2025-08-31", "1 juni \u2013 31 augusti 2025"),  # one summer: its dates, no ISO
        (" 2022-t3", "Tertial 3 2022"),
    ],
)
def test_describe_label(label: str, text: str) -> None:
    assert describe(label) == text


def test_describe_clipped_period_keeps_its_calendar_name() -> None:
    first = periods_for(date(2018, 7, 1), date(2020, 6, 30), T)[0]
    assert describe(first) == "Tertial 2 2018"


def test_describe_rejects_bad_label() -> None:
    with pytest.raises(PeriodLabelError):
        describe("2022-Q5")


# --------------------------------------------------------------------------- properties

MIN_DAY = date(1990, 1, 1)
MAX_DAY = date(2100, 12, 31)
days = st.dates(min_value=MIN_DAY, max_value=MAX_DAY)
schemes = st.sampled_from(list(ReportingScheme))


@st.composite
def any_pair(draw: st.DrawFn) -> tuple[date, date]:
    a, b = draw(days), draw(days)
    return min(a, b), max(a, b)


@st.composite
def short_agreement(draw: st.DrawFn) -> tuple[date, date]:
    """Up to about four years, the length real agreements have."""
    start = draw(st.dates(min_value=MIN_DAY, max_value=date(2096, 12, 31)))
    return start, start + timedelta(days=draw(st.integers(0, 4 * 366)))


@st.composite
def variant_agreement(draw: st.DrawFn) -> tuple[date, date]:
    """Month-aligned agreements like the real variants: calendar years, mid-year to
    mid-year, April–April, a single summer, and agreements anchored on 29 February."""
    kind = draw(st.sampled_from(["month_aligned", "leap_start", "leap_end"]))
    if kind == "month_aligned":
        year = draw(st.integers(1990, 2095))
        month = draw(st.sampled_from([1, 4, 5, 6, 7, 9, 10]))
        months = draw(st.sampled_from([1, 3, 4, 6, 12, 24, 36, 48]))
        start = date(year, month, 1)
        return start, start + relativedelta(months=months, days=-1)
    leap_year = draw(st.sampled_from([y for y in range(1992, 2097, 4)]))
    leap_day = date(leap_year, 2, 29)
    length = timedelta(days=draw(st.integers(0, 3 * 366)))
    if kind == "leap_start":
        return leap_day, leap_day + length
    return leap_day - length, leap_day


agreements = st.one_of(any_pair(), short_agreement(), variant_agreement())


@given(agreements, schemes)
def test_periods_tile_the_agreement(agreement: tuple[date, date], scheme: ReportingScheme) -> None:
    start, end = agreement
    periods = periods_for(start, end, scheme)
    assert periods
    assert periods[0].start == start
    assert periods[-1].end == end
    for period in periods:
        assert period.start <= period.end
        assert period.scheme is scheme
    for previous, following in pairwise(periods):
        assert following.start == previous.end + timedelta(days=1)
    assert periods == sorted(periods)
    assert len({p.label for p in periods}) == len(periods)


@given(agreements, st.sampled_from(CALENDAR_SCHEMES))
def test_each_period_lies_in_one_calendar_period(
    agreement: tuple[date, date], scheme: ReportingScheme
) -> None:
    start, end = agreement
    for period in periods_for(start, end, scheme):
        assert period.label == format_label(scheme, period.start)
        assert format_label(scheme, period.end) == period.label
        label_scheme, calendar_start, calendar_end = parse_label(period.label)
        assert label_scheme is scheme
        assert calendar_start <= period.start <= period.end <= calendar_end
        # Only the first and last period may be clipped.
        if period.start != start:
            assert period.start == calendar_start
        if period.end != end:
            assert period.end == calendar_end


@given(agreements)
def test_whole_period_is_one_period(agreement: tuple[date, date]) -> None:
    start, end = agreement
    assert spans(periods_for(start, end, W)) == [
        (f"{start.isoformat()}/{end.isoformat()}", start, end)
    ]


@given(st.sampled_from(CALENDAR_SCHEMES), days)
def test_format_then_parse_round_trips(scheme: ReportingScheme, day: date) -> None:
    label = format_label(scheme, day)
    label_scheme, first, last = parse_label(label)
    assert label_scheme is scheme
    assert first <= day <= last
    assert format_label(scheme, first) == label == format_label(scheme, last)
    assert parse_label(label.lower()) == parse_label(f"  {label}  ") == (label_scheme, first, last)


@given(agreements, schemes, st.data())
def test_period_containing_sampled_days(
    agreement: tuple[date, date], scheme: ReportingScheme, data: st.DataObject
) -> None:
    start, end = agreement
    periods = periods_for(start, end, scheme)
    day = data.draw(st.dates(min_value=start, max_value=end))
    found = period_containing(start, end, scheme, day)
    assert found is not None and found.contains(day)
    assert found in periods
    assert current_period(start, end, scheme, day) == found
    outside = data.draw(
        st.one_of(
            st.dates(min_value=date(1900, 1, 1), max_value=start - timedelta(days=1))
            if start > date(1900, 1, 1)
            else st.nothing(),
            st.dates(min_value=end + timedelta(days=1), max_value=date(2999, 12, 31)),
        )
    )
    assert period_containing(start, end, scheme, outside) is None


@settings(deadline=None)  # walks up to ~1500 days; keep slow CI machines from flaking
@given(short_agreement(), schemes)
def test_period_containing_every_day_of_short_agreements(
    agreement: tuple[date, date], scheme: ReportingScheme
) -> None:
    start, end = agreement
    periods = periods_for(start, end, scheme)
    index = 0
    day = start
    while day <= end:
        if not periods[index].contains(day):
            index += 1
        assert period_containing(start, end, scheme, day) == periods[index]
        day += timedelta(days=1)
    assert index == len(periods) - 1
    assert period_containing(start, end, scheme, start - timedelta(days=1)) is None
    assert period_containing(start, end, scheme, end + timedelta(days=1)) is None


@settings(deadline=None)  # a century of quarters is ~440 lookups
@given(agreements, schemes)
def test_find_period_finds_every_period(
    agreement: tuple[date, date], scheme: ReportingScheme
) -> None:
    start, end = agreement
    for period in periods_for(start, end, scheme):
        assert find_period(start, end, scheme, period.label) == period
        assert find_period(start, end, scheme, f" {period.label.lower()} ") == period


@given(agreements, st.sampled_from(CALENDAR_SCHEMES))
def test_find_period_rejects_neighbours_outside(
    agreement: tuple[date, date], scheme: ReportingScheme
) -> None:
    start, end = agreement
    before = format_label(scheme, start - timedelta(days=1))
    after = format_label(scheme, end + timedelta(days=1))
    periods = labels(periods_for(start, end, scheme))
    if before not in periods:
        with pytest.raises(PeriodLabelError):
            find_period(start, end, scheme, before)
    if after not in periods:
        with pytest.raises(PeriodLabelError):
            find_period(start, end, scheme, after)
