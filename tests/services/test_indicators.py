"""Indicators: the register, values per period and sex, the agreement's baseline and target, trend()."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from promises_app.domain.enums import OrganisationKind
from promises_app.domain.indicators import (
    Direction,
    IndicatorSource,
    Sex,
    Verdict,
    canonical_period,
    parse_number,
    period_sort_key,
    trend,
)
from promises_app.domain.vocabulary import SWEDISH, swedish
from promises_app.services import Services
from promises_app.services.errors import ConflictError, NotFoundError, ValidationError


def _agreement(services: Services, title: str = "Exempelstad – medborgarlöften 2022") -> Any:
    return services.agreements.create_agreement(
        kind="citizen_promise", title=title, start_date="2022-01-01", end_date="2022-12-31",
        reporting_scheme="tertial",
    )


def _vandalism(services: Services) -> Any:
    return services.indicators.create_indicator(
        name="Anmälda skadegörelsebrott", category="Skadegörelse", source="reported_crime",
        unit="per 100 000 invånare", direction="lower_is_better",
    )


# --- the register -----------------------------------------------------------------------------
def test_indicator_crud(services: Services) -> None:
    ind = services.indicators
    created = ind.create_indicator(
        name=" Andel som känner sig trygga ", category="Trygghet", source=IndicatorSource.POLICE_SURVEY,
        unit="procent", direction="higher_is_better", area="Hagalund", split_by_sex=True,
        description="Andel som svarar att de känner sig\r\nganska eller mycket trygga.",
    )
    assert (created.name, created.source, created.direction, created.area, created.split_by_sex) == (
        "Andel som känner sig trygga", IndicatorSource.POLICE_SURVEY, Direction.HIGHER_IS_BETTER, "Hagalund", True,
    )
    assert created.description == "Andel som svarar att de känner sig\nganska eller mycket trygga."
    other = _vandalism(services)
    assert [i.name for i in ind.list_indicators()] == ["Anmälda skadegörelsebrott", "Andel som känner sig trygga"]

    updated = ind.update_indicator(created.id, expected_version=created.version, unit="andel (%)",
                                   source="Kommunens trygghetsmätning")
    assert (updated.unit, updated.source, updated.version) == ("andel (%)", IndicatorSource.MUNICIPAL_SURVEY, 2)
    with pytest.raises(ConflictError):
        ind.update_indicator(created.id, expected_version=created.version, unit="procent")
    assert ind.get_indicator(created.id) == updated

    ind.set_value(other.id, period="2021", value=310)
    ind.delete_indicator(other.id)
    assert [i.name for i in ind.list_indicators()] == ["Andel som känner sig trygga"]
    with pytest.raises(NotFoundError):
        ind.list_values(other.id)
    assert services.maintenance.check().ok


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "  "}, "name", "Namn måste fyllas i"),
        ({"name": "anmälda SKADEGÖRELSEBROTT"}, "name", "finns redan en indikator"),
        ({"name": "Skade\x07görelse"}, "name", "otillåtna tecken (U+0007)"),
        ({"name": "Skade\u202egörelse"}, "name", "otillåtna tecken (U+202E)"),
        ({"name": "x" * 201}, "name", "högst 200 tecken"),
        ({"category": "Trygg\nhet"}, "category", "radbrytning"),
        ({"unit": "\x00"}, "unit", "U+0000"),
        ({"source": "tidningen"}, "source", "Källa: 'tidningen' känns inte igen"),
        ({"direction": "uppåt"}, "direction", "'Lägre är bättre' eller 'Högre är bättre'"),
        ({"split_by_sex": "ja"}, "split_by_sex", "ange ja eller nej"),
    ],
)
def test_indicator_validation_names_the_field_and_changes_nothing(
    services: Services, snapshot: Callable[[], Any], changes: dict[str, Any], field: str, words: str
) -> None:
    existing = _vandalism(services)
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.indicators.create_indicator(**({"name": "Ny indikator"} | changes))
    assert any(words in message for message in caught.value.for_field(field)), caught.value.errors
    if field != "name" or "finns redan" not in words:
        with pytest.raises(ValidationError) as caught:
            services.indicators.update_indicator(existing.id, **changes)
        assert caught.value.for_field(field)
    assert snapshot() == before


def test_renaming_an_indicator_to_its_own_name_in_other_case_is_allowed(services: Services) -> None:
    indicator = _vandalism(services)
    renamed = services.indicators.update_indicator(indicator.id, name="ANMÄLDA skadegörelsebrott")
    assert renamed.name == "ANMÄLDA skadegörelsebrott"


def test_unknown_fields_are_a_programming_error(services: Services) -> None:
    indicator = _vandalism(services)
    with pytest.raises(TypeError):
        services.indicators.update_indicator(indicator.id, colour="blue")


# --- values -----------------------------------------------------------------------------------
def test_values_are_set_replaced_listed_by_period_and_deleted(services: Services) -> None:
    ind = services.indicators
    indicator = _vandalism(services)
    first = ind.set_value(indicator.id, period="2022-t2", value="1 234,5")
    assert (first.period, first.sex, first.value) == ("2022-T2", Sex.TOTAL, 1234.5)
    ind.set_value(indicator.id, period="2021", value=1500)
    ind.set_value(indicator.id, period="2022-T1", value=400.25)
    replaced = ind.set_value(indicator.id, period="2022-T2", value=1200)
    assert (replaced.id, replaced.value, replaced.version) == (first.id, 1200.0, first.version + 1)
    assert [(v.period, v.value) for v in ind.list_values(indicator.id)] == [
        ("2021", 1500.0), ("2022-T1", 400.25), ("2022-T2", 1200.0),
    ]
    ind.delete_value(first.id)
    assert [v.period for v in ind.list_values(indicator.id)] == ["2021", "2022-T1"]
    with pytest.raises(NotFoundError):
        ind.delete_value(first.id)


def test_values_split_by_sex(services: Services, snapshot: Callable[[], Any]) -> None:
    ind = services.indicators
    safe = ind.create_indicator(name="Andel trygga", unit="procent", direction="higher_is_better", split_by_sex=True)
    ind.set_value(safe.id, period="2022", value=64, sex="men")
    ind.set_value(safe.id, period="2022", value=55, sex="Kvinnor")
    ind.set_value(safe.id, period="2022", value=60)
    ind.set_value(safe.id, period="2021", value=58)
    assert [(v.period, v.sex) for v in ind.list_values(safe.id)] == [
        ("2021", Sex.TOTAL), ("2022", Sex.TOTAL), ("2022", Sex.WOMEN), ("2022", Sex.MEN),
    ]
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        ind.update_indicator(safe.id, split_by_sex=False)
    assert caught.value.for_field("split_by_sex")
    assert snapshot() == before


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"period": "22-Q1"}, "period", "Skriv året med fyra siffror"),
        ({"period": "2022-Q5"}, "period", "Q1–Q4"),
        ({"period": ""}, "period", "Period måste fyllas i"),
        ({"value": "12,3,4"}, "value", "'12,3,4' är inget tal"),
        ({"value": float("nan")}, "value", "ändligt tal"),
        ({"value": float("inf")}, "value", "ändligt tal"),
        ({"value": True}, "value", "måste vara ett tal"),
        ({"value": None}, "value", "Värde måste fyllas i"),
        ({"sex": "women"}, "sex", "inte uppdelad på kön"),
        ({"sex": "barn"}, "sex", "'barn' känns inte igen"),
    ],
)
def test_value_validation_names_the_field_and_changes_nothing(
    services: Services, snapshot: Callable[[], Any], values: dict[str, Any], field: str, words: str
) -> None:
    indicator = _vandalism(services)
    services.indicators.set_value(indicator.id, period="2021", value=10)
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        services.indicators.set_value(indicator.id, **({"period": "2022", "value": 1} | values))
    assert any(words in message for message in caught.value.for_field(field)), caught.value.errors
    assert snapshot() == before


# --- the indicators an agreement follows ------------------------------------------------------
def test_agreement_follows_indicators_with_baseline_and_target(services: Services) -> None:
    ind = services.indicators
    agreement = _agreement(services)
    vandalism = _vandalism(services)
    safe = ind.create_indicator(name="Andel trygga", unit="procent", direction="higher_is_better", split_by_sex=True)
    for period, value in [("2020", 1400), ("2021", 1310), ("2022-T1", 420), ("2022", 1190)]:
        ind.set_value(vandalism.id, period=period, value=value)
    ind.set_value(safe.id, period="2021", value=57)
    ind.set_value(safe.id, period="2022", value=64)
    ind.set_value(safe.id, period="2022", value=59, sex="women")

    first = ind.link_to_agreement(agreement.id, vandalism.id, baseline_period="2021", target_value="1 200",
                                  target_text="högst 1 200 anmälningar")
    second = ind.link_to_agreement(agreement.id, safe.id, baseline_period="2021", baseline_value="57,0",
                                   target_value=67, target_text="minst 67 %")
    assert (first.position, second.position) == (0, 1)
    with pytest.raises(ValidationError) as caught:
        ind.link_to_agreement(agreement.id, safe.id)
    assert caught.value.for_field("indicator_id")

    listed = ind.list_for_agreement(agreement.id)
    assert [x.indicator.name for x in listed] == ["Anmälda skadegörelsebrott", "Andel trygga"]
    crimes, share = listed
    assert [v.period for v in crimes.values] == ["2020", "2021", "2022-T1", "2022"]
    assert (crimes.baseline_period, crimes.baseline_value, crimes.target_value) == ("2021", None, 1200.0)
    assert crimes.trend.baseline == 1310 and crimes.trend.latest == 1190
    assert crimes.trend.verdict is Verdict.BETTER and crimes.trend.target_reached is True
    assert [(v.period, v.sex) for v in share.values] == [("2021", Sex.TOTAL), ("2022", Sex.TOTAL), ("2022", Sex.WOMEN)]
    assert (share.target_text, share.trend.verdict, share.trend.target_reached) == ("minst 67 %", Verdict.BETTER, False)

    changed = ind.update_link(second.id, expected_version=second.version, target_value=63)
    assert changed.trend.target_reached is True
    with pytest.raises(ConflictError):
        ind.update_link(second.id, expected_version=second.version, target_value=70)
    with pytest.raises(ValidationError) as caught:
        ind.update_link(second.id, baseline_period=None)
    assert caught.value.for_field("baseline_period")  # a baseline value needs its period
    with pytest.raises(ValidationError) as caught:
        ind.update_link(second.id, baseline_period="förra året")
    assert caught.value.for_field("baseline_period")

    with pytest.raises(ValidationError) as caught:  # followed: the indicator stays
        ind.delete_indicator(vandalism.id)
    assert "Exempelstad – medborgarlöften 2022" in caught.value.for_field("indicator")[0]

    ind.move_link(second.id, 0)
    assert [x.indicator.name for x in ind.list_for_agreement(agreement.id)] == ["Andel trygga", "Anmälda skadegörelsebrott"]
    ind.unlink_from_agreement(second.id)
    remaining = ind.list_for_agreement(agreement.id)
    assert [(x.indicator.name, x.position) for x in remaining] == [("Anmälda skadegörelsebrott", 0)]
    assert [i.name for i in ind.list_indicators()] == ["Andel trygga", "Anmälda skadegörelsebrott"]


def test_deleting_an_agreement_removes_what_it_follows_not_the_indicator(services: Services) -> None:
    agreement = _agreement(services)
    vandalism = _vandalism(services)
    services.indicators.link_to_agreement(agreement.id, vandalism.id)
    services.agreements.delete_agreement(agreement.id)
    assert [i.name for i in services.indicators.list_indicators()] == ["Anmälda skadegörelsebrott"]
    services.indicators.delete_indicator(vandalism.id)
    assert services.maintenance.check().ok


def test_signed_demo_agreement_can_follow_an_indicator(demo_services: Services) -> None:
    """Indicators are not in the signed document, so a signed agreement can still be followed up."""
    solna = demo_services.agreements.find_agreements("Solna – medborgarlöften 2022")[0]
    indicator = _vandalism(demo_services)
    demo_services.indicators.link_to_agreement(solna.id, indicator.id, baseline_period="2021")
    assert [x.indicator.id for x in demo_services.indicators.list_for_agreement(solna.id)] == [indicator.id]
    assert demo_services.signoff.changes_since_signing(solna.id) == []


# --- words ------------------------------------------------------------------------------------
def test_swedish_words_for_the_indicator_codes() -> None:
    assert swedish(IndicatorSource.NTU) == "Brås Nationella trygghetsundersökning (NTU)"
    assert swedish(Direction.LOWER_IS_BETTER) == "Lägre är bättre"
    assert swedish(Sex.MEN) == "Män"
    # A StrEnum is a dictionary key by its value: the codes must not collide with older ones.
    assert SWEDISH[OrganisationKind.OTHER] == "Annan" and SWEDISH[IndicatorSource.OTHER_SOURCE] == "Annan källa"
    assert len({str(key) for key in SWEDISH}) == len(SWEDISH)


# --- trend() ----------------------------------------------------------------------------------
def test_trend_examples() -> None:
    lower = Direction.LOWER_IS_BETTER
    result = trend([("2022", 1190), ("2021", 1310), ("2020", 1400)], lower, baseline_period="2021", target=1200)
    assert (result.baseline_period, result.baseline, result.latest_period, result.latest) == ("2021", 1310, "2022", 1190)
    assert result.change == -120 and result.verdict is Verdict.BETTER and result.target_reached is True
    # No baseline given: the earliest value is the baseline.
    assert trend([("2021", 46), ("2023", 64)], "higher_is_better").verdict is Verdict.BETTER
    # Nothing after the baseline: unknown, and the target is judged on the baseline.
    only = trend([("2021", 57)], "higher_is_better", baseline_period="2021", target=67)
    assert (only.verdict, only.latest, only.target_reached) == (Verdict.UNKNOWN, None, False)
    assert trend([], lower).verdict is Verdict.UNKNOWN and trend([], lower, target=3).target_reached is None
    # Float noise is not a change.
    assert trend([("2021", 0.1 + 0.2), ("2022", 0.3)], lower).verdict is Verdict.UNCHANGED
    # A baseline value given without stored values for its period.
    assert trend([("2022-T2", 9)], lower, baseline_period="2021", baseline_value=12).verdict is Verdict.BETTER
    # Periods sort by their dates, not as text: the year 2022 ends after its second tertial.
    assert trend([("2022", 5), ("2022-T2", 9), ("2021", 7)], lower).latest_period == "2022"


def test_periods_are_canonical_and_ordered_by_date() -> None:
    assert canonical_period(" 2022-t2 ") == "2022-T2"
    assert canonical_period("2022-07-01/2023-06-30") == "2022-07-01/2023-06-30"
    labels = ["2023", "2022", "2022-T3", "2022-Q1", "2021-H2", "2022-T1"]
    assert sorted(labels, key=period_sort_key) == ["2021-H2", "2022-Q1", "2022-T1", "2022", "2022-T3", "2023"]


_MIRROR = {Verdict.BETTER: Verdict.WORSE, Verdict.WORSE: Verdict.BETTER,
           Verdict.UNCHANGED: Verdict.UNCHANGED, Verdict.UNKNOWN: Verdict.UNKNOWN}
_values = st.lists(
    st.tuples(st.integers(min_value=2000, max_value=2030).map(str), st.integers(-10_000, 10_000).map(float)),
    unique_by=lambda pv: pv[0], max_size=8,
)
_target = st.none() | st.integers(-10_000, 10_000).map(float)


@given(values=_values, target=_target)
def test_trend_directions_mirror_each_other(values: list[tuple[str, float]], target: float | None) -> None:
    lower = trend(values, Direction.LOWER_IS_BETTER, target=target)
    higher = trend(values, Direction.HIGHER_IS_BETTER, target=target)
    assert higher.verdict is _MIRROR[lower.verdict]
    assert (lower.baseline, lower.latest, lower.change) == (higher.baseline, higher.latest, higher.change)
    if target is not None and lower.latest is not None and lower.latest != target:
        assert lower.target_reached is not higher.target_reached


@given(values=_values, target=_target)
def test_trend_of_negated_values_in_the_other_direction_is_the_same(
    values: list[tuple[str, float]], target: float | None
) -> None:
    negated = [(period, -value) for period, value in values]
    for direction, other in [(Direction.LOWER_IS_BETTER, Direction.HIGHER_IS_BETTER),
                             (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER)]:
        first = trend(values, direction, target=target)
        second = trend(negated, other, target=None if target is None else -target)
        assert (first.verdict, first.target_reached) == (second.verdict, second.target_reached)
        assert (first.latest_period, first.baseline_period) == (second.latest_period, second.baseline_period)


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_a_number_written_the_swedish_way_reads_back(number: float) -> None:
    written = f"{number:,.4f}".replace(",", " ").replace(".", ",")
    assert parse_number(written) == pytest.approx(round(number, 4), abs=1e-4)
    assert parse_number(repr(number)) == number
