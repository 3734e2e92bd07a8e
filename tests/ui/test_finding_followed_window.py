"""A finding followed to the end in the window: place, owner, status, date, reason and coordinates
in the finding's form (each edit one undo step), and "Exportera fynd som GeoJSON…" on the page.
Only the system's file dialog and message boxes are replaced, since they block."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from promises_app.domain.enums import FindingStatus
from promises_app.ui.situation.situation_models import FindingTableModel
from promises_app.ui.situation.walk_dialogs import FindingForm
from tests.ui.test_situation_models import solna, swedish  # noqa: F401 - the fixtures are used by name
from tests.ui.test_situation_page import (  # noqa: F401 - the fixtures are used by name
    _walk_with_finding,
    cells,
    click,
    page,
    stack,
    visible,
    warnings,
)

SHOTS = Path("/tmp/findings/shots")


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    """Keep a picture of the dialog to look at (only where the folder for them exists)."""
    if SHOTS.is_dir():
        widget.grab().save(str(SHOTS / name))


def _edit_form(qtbot, page) -> FindingForm:  # type: ignore[no-untyped-def]  # noqa: F811
    page.finding_view.selectRow(0)
    click(qtbot, page.edit_finding_button)
    return visible(page, FindingForm)  # type: ignore[return-value]


def test_the_finding_form_edits_place_owner_status_date_and_coordinates_as_one_undo_step(
    qtbot, page, demo_services, stack  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    agreement_id = solna(demo_services)
    owner = demo_services.register.create_organisation(name="Solna stad, tekniska förvaltningen",
                                                       kind="municipality")
    _walk_with_finding(qtbot, page)
    form = _edit_form(qtbot, page)
    assert form.status_combo.currentText() == "Öppen"
    assert not form.dealt_edit.isEnabled() and not form.reason_edit.isEnabled(), "only once dealt with or declined"
    form.place_edit.setText("Gångvägen vid Hagalundsparken")
    form.owner_combo.setCurrentIndex(form.owner_combo.findData(owner.id))
    form.status_combo.setCurrentIndex(form.status_combo.findData(FindingStatus.DEALT_WITH.value))
    assert form.dealt_edit.isEnabled() and not form.reason_edit.isEnabled()
    form.dealt_edit.setText("15/11 2021")
    form.coordinates_edit.setText("59,3612 18,0101")
    _shot(form, "finding-form-dealt-with.png")
    click(qtbot, form.save_button)

    (finding,) = demo_services.walks.list_walks(agreement_id)[0].findings
    assert (finding.place, finding.owner_name, finding.status, finding.dealt_on, finding.latitude,
            finding.longitude) == ("Gångvägen vid Hagalundsparken", "Solna stad, tekniska förvaltningen",
                                   FindingStatus.DEALT_WITH, date(2021, 11, 15), 59.3612, 18.0101)
    row = cells(page.finding_model, 0)
    assert row[FindingTableModel.PLACE] == "Gångvägen vid Hagalundsparken"
    assert row[FindingTableModel.STATUS] == "Åtgärdad 2021-11-15"
    assert stack.undoText() == "ändra iakttagelsen «Gångvägen mot parken är mörk»"

    stack.undo()
    (finding,) = demo_services.walks.list_walks(agreement_id)[0].findings
    assert (finding.place, finding.owner_id, finding.status, finding.dealt_on, finding.latitude) == (
        "", None, FindingStatus.OPEN, None, None)
    assert cells(page.finding_model, 0)[FindingTableModel.STATUS] == "Öppen"
    stack.redo()
    assert demo_services.walks.list_walks(agreement_id)[0].findings[0].status is FindingStatus.DEALT_WITH

    form = _edit_form(qtbot, page)  # the form opens with what the finding says
    assert (form.place_edit.text(), form.owner_combo.currentText(), form.status_combo.currentText(),
            form.dealt_edit.text(), form.coordinates_edit.text()) == (
        "Gångvägen vid Hagalundsparken", "Solna stad, tekniska förvaltningen", "Åtgärdad", "2021-11-15",
        "59.3612, 18.0101")
    form.reject()


def test_bad_coordinates_and_a_declined_finding_without_reason_are_refused_at_their_fields(
    qtbot, page, demo_services, stack  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    agreement_id = solna(demo_services)
    _walk_with_finding(qtbot, page)
    before = demo_services.walks.list_walks(agreement_id)
    commands = stack.count()
    form = _edit_form(qtbot, page)
    form.status_combo.setCurrentIndex(form.status_combo.findData(FindingStatus.DECLINED.value))
    assert form.reason_edit.isEnabled()
    form.dealt_edit.setText("2021-11-01")
    form.coordinates_edit.setText("57.70")
    click(qtbot, form.save_button)
    assert form.isVisible()
    assert "Koordinater: skriv latitud och longitud" in form.field_errors["coordinates"].text()

    form.coordinates_edit.setText("95, 11.97")
    click(qtbot, form.save_button)
    assert form.isVisible()
    assert "Latitud: måste vara mellan -90 och 90 grader (nu 95)" in form.field_errors["coordinates"].text()
    assert form.field_errors["reason"].text() == "Skäl: skriv varför iakttagelsen avböjdes."
    assert form.coordinates_edit.text() == "95, 11.97", "what was typed stays"
    _shot(form, "finding-form-refused.png")
    form.reject()
    assert demo_services.walks.list_walks(agreement_id) == before
    assert stack.count() == commands


def test_a_declined_finding_deleted_and_undone_comes_back_with_every_field(
    qtbot, page, demo_services, stack  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    agreement_id = solna(demo_services)
    _walk_with_finding(qtbot, page)
    walk = demo_services.walks.list_walks(agreement_id)[0]
    click(qtbot, page.new_finding_button)
    form = visible(page, FindingForm)
    form.text_edit.setPlainText("Buskage skymmer sikten")
    form.place_edit.setText("Parkvägen 3")
    form.status_combo.setCurrentIndex(form.status_combo.findData(FindingStatus.DECLINED.value))
    form.dealt_edit.setText("2021-12-01")
    form.reason_edit.setPlainText("Privat mark: fastighetsägaren har fått ett brev")
    form.coordinates_edit.setText("59.36, 18.01")
    _shot(form, "finding-form-new-declined.png")
    click(qtbot, form.save_button)
    made = demo_services.walks.list_walks(agreement_id)[0].findings[1]
    assert (made.status, made.reason, made.walk_id) == (
        FindingStatus.DECLINED, "Privat mark: fastighetsägaren har fått ett brev", walk.id)

    page.finding_view.selectRow(1)
    click(qtbot, page.delete_finding_button)
    assert len(demo_services.walks.list_walks(agreement_id)[0].findings) == 1
    stack.undo()
    again = demo_services.walks.list_walks(agreement_id)[0].findings[1]
    assert (again.text, again.place, again.status, again.dealt_on, again.reason, again.latitude, again.longitude) == (
        made.text, made.place, made.status, made.dealt_on, made.reason, made.latitude, made.longitude)


def _without_demo_walks(services, agreement_id: int) -> None:  # type: ignore[no-untyped-def]
    """The demo's own safety walks taken away (through the services): the export below is of these tests' findings."""
    for walk in services.walks.list_walks(agreement_id):
        services.walks.delete_walk(walk.id)


def test_export_findings_as_geojson_writes_the_chosen_file(
    qtbot, page, demo_services, monkeypatch, tmp_path  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    agreement_id = solna(demo_services)
    _without_demo_walks(demo_services, agreement_id)
    walk = demo_services.walks.create_walk(agreement_id, walked_on="2021-10-12", place="Hagalund",
                                           participants="Anna Andersson\nLokalpolisområde Solna")
    demo_services.walks.add_finding(walk.id, text="Mörk gångväg", place="Hagalundsparken",
                                    latitude=59.3612, longitude=18.0101)
    demo_services.walks.add_finding(walk.id, text="Utan koordinater")
    page.refresh()
    assert page.geojson_action in page.actions_for_menu()
    assert page.geojson_action.text() == "Exportera fynd som &GeoJSON…"
    target = tmp_path / "karta"
    asked: list[str] = []

    def save_as(_parent, _title, proposed, file_filter, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(f"{Path(proposed).name} {file_filter}")
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    click(qtbot, page.geojson_button)
    written = tmp_path / "karta.geojson"  # the suffix added
    document = json.loads(written.read_text(encoding="utf-8"))
    assert asked and asked[0].endswith("GeoJSON-filer (*.geojson)")
    (feature,) = document["features"]
    assert feature["geometry"]["coordinates"] == [18.0101, 59.3612]
    assert feature["properties"]["status"] == "Öppen"
    assert "Anna" not in written.read_text(encoding="utf-8")
    assert page.notice_label.text() == (f"1 fynd exporterades till {written}. "
                                        "1 fynd saknar koordinater och kom inte med.")
    _shot(page, "situation-page-exported.png")


def test_export_without_coordinates_says_so_and_writes_nothing(
    qtbot, page, demo_services, monkeypatch, tmp_path  # type: ignore[no-untyped-def]  # noqa: F811
) -> None:
    agreement_id = solna(demo_services)
    _without_demo_walks(demo_services, agreement_id)
    walk = demo_services.walks.create_walk(agreement_id, walked_on="2021-10-12")
    demo_services.walks.add_finding(walk.id, text="Utan koordinater")
    page.refresh()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *_a, **_k: told.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (_ for _ in ()).throw(AssertionError))
    click(qtbot, page.geojson_button)
    assert told and "Ingen av iakttagelserna har koordinater" in told[0]
    assert list(tmp_path.glob("*.geojson")) == []
