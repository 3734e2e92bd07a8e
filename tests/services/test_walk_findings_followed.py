"""Safety-walk findings followed to the end: place, owner, status, date dealt with, coordinates;
the six-month list of Översikt, the report's summary and the GeoJSON for a map service."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from promises_app.domain.enums import FindingStatus
from promises_app.domain.findings import CoordinatesError, format_coordinates, parse_coordinates
from promises_app.services import Services
from promises_app.services.errors import ValidationError
from promises_app.services.walks import walk_findings_count, walk_findings_summary

from .test_walks import Draft, _draft

TODAY = date(2024, 3, 1)


@pytest.fixture
def draft(services: Services) -> Draft:
    return _draft(services)


def test_a_finding_round_trips_every_new_field(services: Services, draft: Draft) -> None:
    walks = services.walks
    owner = services.register.create_organisation(name="Tekniska förvaltningen", kind="municipality")
    walk = walks.create_walk(draft.agreement.id, walked_on="2023-04-12", place="Hagalund",
                             participants="Anna Andersson, Polisen")
    made = walks.add_finding(walk.id, text="Trasig belysning", place=" Gångvägen vid parken ", owner_id=owner.id,
                             latitude=59.36, longitude=18.0, today=TODAY)
    assert (made.status, made.place, made.owner_name, made.dealt_on) == (
        FindingStatus.OPEN, "Gångvägen vid parken", "Tekniska förvaltningen", None)
    done = walks.update_finding(made.id, expected_version=made.version, status="dealt_with", dealt_on="2023-05-02",
                                today=TODAY)
    assert (done.status, done.dealt_on, done.latitude, done.longitude) == (
        FindingStatus.DEALT_WITH, date(2023, 5, 2), 59.36, 18.0)
    again = walks.list_walks(draft.agreement.id)[0].findings[0]
    assert again == done
    declined = walks.update_finding(done.id, status="declined", reason="Privat mark: fastighetsägarens sak",
                                    latitude=None, longitude=None, today=TODAY)
    assert (declined.status, declined.reason, declined.has_coordinates) == (
        FindingStatus.DECLINED, "Privat mark: fastighetsägarens sak", False)
    reopened = walks.update_finding(done.id, status="open", today=TODAY)
    assert (reopened.status, reopened.dealt_on, reopened.reason) == (FindingStatus.OPEN, None, "")
    # The owner is in use now: the register will not delete it.
    with pytest.raises(ValidationError, match="äger en iakttagelse"):
        services.register.delete_organisation(owner.id)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"status": "dealt_with"}, "dealt_on", "Hanterad den: skriv datumet då iakttagelsen åtgärdades"),
        ({"status": "declined", "dealt_on": "2023-05-01"}, "reason", "Skäl: skriv varför"),
        ({"status": "dealt_with", "dealt_on": "2023-04-11"}, "dealt_on", "får inte vara före trygghetsvandringen"),
        ({"status": "dealt_with", "dealt_on": "2024-03-02"}, "dealt_on", "får inte vara ett datum i framtiden"),
        ({"status": "fixed"}, "status", "Status: okänd status"),
        ({"latitude": 91, "longitude": 18}, "latitude", "Latitud: måste vara mellan -90 och 90"),
        ({"latitude": 59, "longitude": -181.5}, "longitude", "Longitud: måste vara mellan -180 och 180"),
        ({"latitude": 59, "longitude": None}, "longitude", "både latitud och longitud"),
        ({"latitude": "nord", "longitude": 18}, "latitude", "Latitud: måste vara ett tal"),
        ({"owner_id": 99999}, "owner_id", "Ägare: organisationen"),
        ({"place": "x" * 201}, "place", "Plats: högst 200 tecken"),
    ],
)
def test_finding_validation_names_the_field_and_changes_nothing(
    services: Services, draft: Draft, snapshot: Callable[[], Any], changes: dict[str, Any], field: str, words: str,
) -> None:
    walk = services.walks.create_walk(draft.agreement.id, walked_on="2023-04-12")
    finding = services.walks.add_finding(walk.id, text="Mörk gångväg")
    before = snapshot()
    with pytest.raises(ValidationError) as raised:
        services.walks.update_finding(finding.id, today=TODAY, **changes)
    assert [e.field for e in raised.value.errors] == [field]
    assert words in raised.value.errors[0].message
    assert snapshot() == before


def test_a_walk_cannot_move_after_a_finding_was_dealt_with(services: Services, draft: Draft) -> None:
    walk = services.walks.create_walk(draft.agreement.id, walked_on="2023-04-12")
    services.walks.add_finding(walk.id, text="Klotter", status="dealt_with", dealt_on="2023-04-20", today=TODAY)
    with pytest.raises(ValidationError) as raised:
        services.walks.update_walk(walk.id, walked_on="2023-05-01")
    assert [e.field for e in raised.value.errors] == ["walked_on"]


def test_findings_open_more_than_six_months_are_listed(services: Services, draft: Draft) -> None:
    walks = services.walks
    owner = services.register.create_organisation(name="Bostadsbolaget", kind="housing_company")
    old = walks.create_walk(draft.agreement.id, walked_on="2023-08-31", place="Centrum")
    recent = walks.create_walk(draft.agreement.id, walked_on="2023-09-02", place="Hagalund")
    stale = walks.add_finding(old.id, text="Buskage skymmer sikten", owner_id=owner.id)
    walks.add_finding(old.id, text="Lampa trasig", status="dealt_with", dealt_on="2023-09-10", today=TODAY)
    walks.add_finding(recent.id, text="Öppen i fem månader och 28 dagar", place="Torget")
    listed = walks.open_too_long(draft.agreement.id, today=TODAY)
    assert [(f.finding_id, f.place, f.walked_on, f.owner_name) for f in listed] == [
        (stale.id, "Centrum", date(2023, 8, 31), "Bostadsbolaget")]
    # Exactly six months is not "more than six months".
    assert walks.open_too_long(draft.agreement.id, today=date(2024, 2, 29)) == []


def test_the_summary_counts_what_was_dealt_with_by_the_day(services: Services, draft: Draft) -> None:
    walks = services.walks
    spring = walks.create_walk(draft.agreement.id, walked_on="2023-03-10")
    autumn = walks.create_walk(draft.agreement.id, walked_on="2023-10-10")
    for n in range(7):
        walks.add_finding(spring.id, text=f"Åtgärdat {n}", status="dealt_with", dealt_on="2023-04-01", today=TODAY)
    walks.add_finding(spring.id, text="Avböjt", status="declined", dealt_on="2023-04-02", reason="Ej kommunens",
                      today=TODAY)
    walks.add_finding(spring.id, text="Öppet")
    walks.add_finding(autumn.id, text="Senare vandring", status="dealt_with", dealt_on="2023-11-01", today=TODAY)
    assert walk_findings_summary(services, draft.agreement.id, date(2023, 8, 31)) == (7, 9)
    assert walk_findings_summary(services, draft.agreement.id, date(2023, 12, 31)) == (8, 10)
    # Before the findings were dealt with, none was.
    assert walk_findings_summary(services, draft.agreement.id, date(2023, 3, 31)) == (0, 9)
    with services.db.read() as session:
        counted = walk_findings_count(session, draft.agreement.id, date(2023, 8, 31))
    assert (counted.dealt, counted.declined, counted.total) == (7, 1, 9)
    assert walk_findings_summary(services, draft.agreement.id, date(2023, 1, 1)) == (0, 0)


def test_geojson_has_lon_lat_order_and_no_personal_data(services: Services, draft: Draft) -> None:
    walks = services.walks
    owner = services.register.create_organisation(name="Trafikkontoret", kind="municipality")
    walk = walks.create_walk(draft.agreement.id, walked_on="2023-04-12", place="Hagalund",
                             participants="Anna Andersson\nBertil Berg, Polisen")
    walks.add_finding(walk.id, text="Trasig lampa", place="Parkvägen", owner_id=owner.id, status="declined",
                      dealt_on="2023-05-01", reason="Lampan är privat", latitude=57.7, longitude=11.97, today=TODAY)
    walks.add_finding(walk.id, text="Utan plats på kartan")
    mapped = walks.finding_map(draft.agreement.id)
    assert (mapped.exported, mapped.without_coordinates) == (1, 1)
    document = json.loads(mapped.to_bytes().decode("utf-8"))
    assert document["type"] == "FeatureCollection"
    (feature,) = document["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [11.97, 57.7]}
    assert feature["properties"] == {
        "fynd": "Trasig lampa", "plats": "Parkvägen", "status": "Avböjd", "status_kod": "declined",
        "vandringsdatum": "2023-04-12", "hanterad_datum": "2023-05-01", "agare": "Trafikkontoret",
        "skal": "Lampan är privat",
    }
    text = mapped.to_bytes().decode("utf-8")
    assert "Anna" not in text and "Bertil" not in text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("57.70, 11.97", (57.70, 11.97)),
        ("57,70 11,97", (57.70, 11.97)),
        (" 57,70;11,97 ", (57.70, 11.97)),
        ("−33.9 18.4", (-33.9, 18.4)),
        ("", None),
    ],
)
def test_coordinates_are_read_with_points_or_swedish_commas(typed: str, expected: Any) -> None:
    assert parse_coordinates(typed) == expected


@pytest.mark.parametrize("typed", ["57.70", "57.70, 11.97, 3", "N57 E11", "57,70,,11"])
def test_coordinates_that_are_not_two_numbers_are_refused(typed: str) -> None:
    with pytest.raises(CoordinatesError, match="Koordinater: skriv latitud och longitud"):
        parse_coordinates(typed)


def test_coordinates_are_shown_as_typed_on_a_map_site() -> None:
    assert format_coordinates(57.7, 11.97) == "57.7, 11.97"
    assert format_coordinates(None, None) == ""


def test_followed_findings_are_in_the_change_log_and_the_database_verifies(services: Services, draft: Draft) -> None:
    walks = services.walks
    owner = services.register.create_organisation(name="Gatukontoret", kind="municipality")
    walk = walks.create_walk(draft.agreement.id, walked_on="2023-04-12")
    made = walks.add_finding(walk.id, text="Mörk gångväg", latitude=57.7, longitude=11.97)
    walks.update_finding(made.id, status="dealt_with", dealt_on="2023-05-02", owner_id=owner.id, place="Parken",
                         today=TODAY)
    walks.update_finding(made.id, status="declined", reason="Privat mark", today=TODAY)
    verified = services.maintenance.verify_database()
    assert verified.ok, verified.problems
