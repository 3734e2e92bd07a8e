"""Report packs for owners, made and read back (services/owner_packs.py, services/owner_reports.py)."""

from __future__ import annotations

import io

import openpyxl
import pytest

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.services import Services
from promises_app.services.owner_packs import (
    HEADER_ROW,
    HIDDEN_SHEET,
    LIGHT_WORDS,
    SHEET,
    STATUS_WORDS,
    OwnerPack,
    PackOwner,
)
from promises_app.services.owner_reports import OwnerReportError, Resolution

AGREEMENT = 2  # the demo's "Solna – medborgarlöften 2022", reported by tertial
PERIOD = "2022-T2"
STATUS_COLUMN, LIGHT_COLUMN, COUNT_COLUMN, COMMENT_COLUMN = "H", "I", "J", "K"


def _row_of(pack: OwnerPack, measure_id: int) -> int:
    return HEADER_ROW + 1 + pack.measure_ids.index(measure_id)


def _filled(pack: OwnerPack, rows: dict[int, dict[str, object]]) -> bytes:
    """The pack as an owner returns it: opened, cells filled, saved (openpyxl, as Excel would)."""
    workbook = openpyxl.load_workbook(io.BytesIO(pack.content))
    sheet = workbook[SHEET]
    for measure_id, cells in rows.items():
        for column, value in cells.items():
            sheet[f"{column}{_row_of(pack, measure_id)}"] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _owners_values(data: bytes, pack: OwnerPack, measure_id: int) -> tuple[object, ...]:
    """What the owner's saved workbook says for a measure: status, light, count, comment."""
    sheet = openpyxl.load_workbook(io.BytesIO(data))[SHEET]
    row = _row_of(pack, measure_id)
    status, light, count, comment = (sheet[f"{c}{row}"].value for c in "HIJK")
    return (STATUS_WORDS[status.capitalize()], LIGHT_WORDS[light] if light else TrafficLight.NOT_ASSESSED,
            None if count is None else int(count), comment or "")


def _by_owner(services: Services) -> dict[str, OwnerPack]:
    return {pack.owner_name: pack for pack in services.owner_packs.packs(AGREEMENT, PERIOD).packs}


def _current(services: Services, measure_id: int) -> tuple[object, ...] | None:
    found = [f for f in services.follow_ups.list_for_measure(measure_id) if f.period == PERIOD]
    return (found[0].status, found[0].light, found[0].count_achieved, found[0].comment) if found else None


def test_a_pack_holds_the_owners_measures_protected_with_drop_down_lists(demo_services: Services) -> None:
    packs = _by_owner(demo_services)
    assert set(packs) == {"Lokalpolisområde Solna", "Solna stad"}
    pack = packs["Solna stad"]
    assert pack.file_name == "Rapportunderlag 2022-T2 Solna stad.xlsx"
    workbook = openpyxl.load_workbook(io.BytesIO(pack.content))
    sheet = workbook[SHEET]
    assert "Solna – medborgarlöften 2022 (revision 1)" in sheet["A2"].value
    assert "Solna stad" in sheet["A3"].value and "Fyll i" in sheet["A5"].value
    assert sheet.protection.sheet
    first = HEADER_ROW + 1
    assert sheet[f"C{first}"].protection.locked and not sheet[f"{STATUS_COLUMN}{first}"].protection.locked
    lists = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    status_list = lists[f"{STATUS_COLUMN}{first}:{STATUS_COLUMN}{first + len(pack.measure_ids) - 1}"]
    assert status_list.type == "list" and "Delvis genomförd" in status_list.formula1
    assert any(v.type == "whole" for v in lists.values())
    hidden = workbook[HIDDEN_SHEET]
    assert hidden.sheet_state == "veryHidden" and hidden.protection.sheet
    for letter, dimension in sheet.column_dimensions.items():  # every column has a width set
        assert dimension.width and dimension.width >= 6, letter


def test_a_person_s_pack_has_only_their_measures(demo_services: Services) -> None:
    by_person = demo_services.owner_packs.packs(AGREEMENT, PERIOD, per=PackOwner.PERSON).packs
    person = by_person[0]
    pack = demo_services.owner_packs.pack_for_person(AGREEMENT, PERIOD, person.owner_id)
    assert pack.measure_ids == person.measure_ids and pack.owner_name == person.owner_name
    measures = {m.id: m for m in demo_services.plan.list_measures(AGREEMENT)}
    assert all(measures[i].contact_id == person.owner_id for i in pack.measure_ids)
    assert pack.measure_ids == tuple(i for i in measures if measures[i].contact_id == person.owner_id)


def test_two_packs_filled_read_back_with_a_bad_row_and_a_conflict(demo_services: Services) -> None:
    services = demo_services
    packs = _by_owner(services)
    police, city = packs["Lokalpolisområde Solna"], packs["Solna stad"]
    police_first, police_second = police.measure_ids
    city_first, city_bad, city_conflict = city.measure_ids[:3]
    police_file = _filled(police, {
        police_first: {STATUS_COLUMN: "Genomförd", LIGHT_COLUMN: "Grön", COUNT_COLUMN: 14,
                       COMMENT_COLUMN: "Alla pass genomförda."},
        police_second: {STATUS_COLUMN: "delvis genomförd", LIGHT_COLUMN: "Gul", COMMENT_COLUMN: "=1+1"},
    })
    city_rows = {
        city_first: {STATUS_COLUMN: "Pågående", LIGHT_COLUMN: "Röd", COUNT_COLUMN: "3"},
        city_bad: {STATUS_COLUMN: "Klar", COUNT_COLUMN: 2.5},
        city_conflict: {STATUS_COLUMN: "Genomförd", COMMENT_COLUMN: "Klart i juni."},
    }
    # Meanwhile someone records the conflicting measure's follow-up in the program.
    services.follow_ups.record(city_conflict, period=PERIOD, status=FollowUpStatus.NOT_DONE,
                               comment="Ändrat i programmet.")
    city_file = _filled(city, city_rows)

    preview = services.owner_reports.preview([(police.file_name, police_file), (city.file_name, city_file)])
    assert not preview.ok
    where = [(e.file_name, e.sheet, e.row, e.column) for e in preview.errors]
    bad_row = _row_of(city, city_bad)
    assert (city.file_name, SHEET, bad_row, "Status") in where
    assert (city.file_name, SHEET, bad_row, "Utfall (antal)") in where
    assert len(preview.errors) == 2
    assert f"rad {bad_row}, kolumn H – Status" in str(preview.errors[0])
    with pytest.raises(OwnerReportError):
        services.owner_reports.commit(preview)

    # The owner corrects the bad row and sends the pack again.
    city_rows[city_bad] = {STATUS_COLUMN: "Ej påbörjad", COUNT_COLUMN: 0}
    city_file = _filled(city, city_rows)
    preview = services.owner_reports.preview([(police.file_name, police_file), (city.file_name, city_file)])
    assert preview.ok, preview.error_lines()
    changed = {c.measure_id: c for c in preview.changes}
    assert set(changed) == {police_first, police_second, city_first, city_bad, city_conflict}
    assert [c.measure_id for c in preview.conflicts] == [city_conflict]
    conflict = changed[city_conflict]
    assert conflict.current is not None and conflict.current.status is FollowUpStatus.NOT_DONE
    assert ("Status", "Ej genomförd", "Genomförd") in [(f.label, f.old, f.new) for f in conflict.fields]
    assert any(f.label == "Status" and f.new == "Genomförd" for f in changed[police_first].fields)
    assert "KONFLIKT" in "\n".join(preview.change_lines())

    with pytest.raises(OwnerReportError, match="Välj"):
        services.owner_reports.commit(preview)  # a conflict is never settled silently
    assert _current(services, city_conflict) == (FollowUpStatus.NOT_DONE, TrafficLight.NOT_ASSESSED, None,
                                                 "Ändrat i programmet.")

    result = services.owner_reports.commit(preview, resolutions={city_conflict: Resolution.PACK})
    if services.db.keeps_backups:  # on a server, its own backups apply: none made here
        assert result.backup is not None and result.backup.exists()
    else:
        assert result.backup is None
    assert len(result.written) == 5 and result.kept == 0
    for pack, data in ((police, police_file), (city, city_file)):  # exactly the owners' values
        for measure_id in pack.measure_ids:
            assert _current(services, measure_id) == _owners_values(data, pack, measure_id), measure_id
    assert _current(services, police_first) == (FollowUpStatus.DONE, TrafficLight.GREEN, 14, "Alla pass genomförda.")
    assert _current(services, police_second)[2:] == (None, "=1+1")  # type: ignore[index]  # a formula is text
    assert _current(services, city_conflict)[0] is FollowUpStatus.DONE  # type: ignore[index]
    # Read again: nothing left to change.
    again = services.owner_reports.preview([(police.file_name, police_file), (city.file_name, city_file)])
    assert again.ok and not again.changes


def test_keeping_the_database_s_value_in_a_conflict(demo_services: Services) -> None:
    services = demo_services
    pack = _by_owner(services)["Lokalpolisområde Solna"]
    measure_id = pack.measure_ids[0]
    services.follow_ups.record(measure_id, period=PERIOD, status=FollowUpStatus.NOT_DONE)
    data = _filled(pack, {measure_id: {STATUS_COLUMN: "Genomförd"}})
    preview = services.owner_reports.preview([(pack.file_name, data)])
    assert [c.measure_id for c in preview.conflicts] == [measure_id]
    result = services.owner_reports.commit(preview, default=Resolution.DATABASE)
    assert result.kept == 1 and not result.written
    assert _current(services, measure_id)[0] is FollowUpStatus.NOT_DONE  # type: ignore[index]


def test_a_pack_changed_in_the_database_after_the_preview_writes_nothing(demo_services: Services) -> None:
    services = demo_services
    pack = _by_owner(services)["Solna stad"]
    first, second = pack.measure_ids[:2]
    data = _filled(pack, {first: {STATUS_COLUMN: "Genomförd"}, second: {STATUS_COLUMN: "Genomförd"}})
    preview = services.owner_reports.preview([(pack.file_name, data)])
    services.follow_ups.record(second, period=PERIOD, status=FollowUpStatus.NOT_DONE)
    before = _current(services, first)
    with pytest.raises(Exception, match="ändrats"):
        services.owner_reports.commit(preview)
    assert _current(services, first) == before  # all or nothing


def test_another_period_or_agreement_is_refused_naming_which(demo_services: Services) -> None:
    services = demo_services
    t2 = _by_owner(services)["Solna stad"]
    t3 = services.owner_packs.pack_for_organisation(AGREEMENT, "2022-T3", t2.owner_id)
    preview = services.owner_reports.preview([(t2.file_name, t2.content), (t3.file_name, t3.content)])
    assert [e.file_name for e in preview.errors] == [t3.file_name]
    assert "perioden 2022-T3, inte 2022-T2" in preview.errors[0].message
    other = services.owner_reports.preview([(t2.file_name, t2.content)], agreement_id=1)
    assert "annan överenskommelse" in other.errors[0].message and "(id 2)" in other.errors[0].message


def test_a_file_that_is_no_pack_is_refused(demo_services: Services) -> None:
    workbook = openpyxl.Workbook()
    buffer = io.BytesIO()
    workbook.save(buffer)
    preview = demo_services.owner_reports.preview([("annat.xlsx", buffer.getvalue()), ("tom.xlsx", b"")])
    assert [e.file_name for e in preview.errors] == ["annat.xlsx", "tom.xlsx"]
    assert "inget rapportunderlag" in preview.errors[0].message


def test_hostile_text_is_written_as_text_and_a_formula_read_as_text(demo_services: Services) -> None:
    services = demo_services
    pack = _by_owner(services)["Solna stad"]
    measure_id = pack.measure_ids[0]
    services.signoff.new_revision(AGREEMENT)  # a draft again: its plan can be changed
    services.plan.update_measure(measure_id, title='=HYPERLINK("http://x","klick")')
    pack = services.owner_packs.pack_for_organisation(AGREEMENT, PERIOD, pack.owner_id)
    sheet = openpyxl.load_workbook(io.BytesIO(pack.content))[SHEET]
    title = sheet[f"C{_row_of(pack, measure_id)}"]
    assert title.value == '=HYPERLINK("http://x","klick")' and title.data_type == "s"
    assert "(revision 2)" in sheet["A2"].value
    data = _filled(pack, {measure_id: {STATUS_COLUMN: "=A1", COUNT_COLUMN: "=2+2"}})
    preview = services.owner_reports.preview([(pack.file_name, data)])
    assert {(e.column, e.row) for e in preview.errors} == {("Status", _row_of(pack, measure_id)),
                                                           ("Utfall (antal)", _row_of(pack, measure_id))}
    assert "'=A1'" in preview.errors[0].message  # the formula as written, never its result


def test_an_owner_without_measures_has_no_pack(demo_services: Services) -> None:
    police = _by_owner(demo_services)["Lokalpolisområde Solna"]
    with pytest.raises(Exception, match="inga åtgärder"):
        demo_services.owner_packs.pack_for_person(AGREEMENT, PERIOD, 10_000)
    assert demo_services.owner_packs.pack_for_organisation(AGREEMENT, PERIOD, police.owner_id).measure_ids \
        == police.measure_ids
