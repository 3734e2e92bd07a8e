"""The "Lägesbild och indikatorer" page driven like a person would: clicks on its buttons, text in
its forms, undo and redo on the one stack. Only the system's file dialog and message boxes are
replaced, since they block.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from promises_app.domain.indicators import Sex
from promises_app.reports.agreement_document import sign_agreement
from promises_app.ui.situation.indicator_dialogs import LinkForm, ValueForm
from promises_app.ui.situation.situation_models import FindingTableModel, ImportErrorTableModel, IndicatorLinkTableModel
from promises_app.ui.situation.situation_page import SituationPage
from promises_app.ui.situation.walk_dialogs import FindingForm, MakeMeasureDialog, SourceForm, WalkForm
from tests.ui.conftest import DEMO_TODAY
from tests.ui.test_situation_models import (  # noqa: F401 - the fixtures are used by name
    DAMAGE,
    NBSP,
    SAFE,
    _without_the_demo_situation,
    add_indicators,
    solna,
    swedish,
)

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def page(qtbot, demo_services, stack, swedish):  # type: ignore[no-untyped-def]  # noqa: F811
    shown = SituationPage(demo_services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.resize(1366, 700)
    shown.set_agreement(solna(demo_services))
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def warnings(monkeypatch):  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a, **_k: shown.append(text))
    return shown


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def visible(parent: QWidget, kind: type) -> QWidget:
    """The one open dialog of ``kind`` over ``parent``."""
    shown = [w for w in parent.findChildren(kind) if w.isVisible()]
    assert len(shown) == 1, shown
    return shown[0]


def next_tab_stop(widget: QWidget) -> QWidget:
    """Where Tab goes from ``widget``: the next widget in the focus chain that takes focus by Tab."""
    following = widget.nextInFocusChain()
    while not (following.focusPolicy() & Qt.FocusPolicy.TabFocus and following.isEnabled()
               and following.isVisible()):
        following = following.nextInFocusChain()
    return following


def cells(model, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, c).data() for c in range(model.columnCount())]


# --- the page --------------------------------------------------------------------------------------
def test_page_shows_the_situation_and_has_names_and_shortcuts(page, demo_services):
    agreement = demo_services.agreements.get_agreement(solna(demo_services))
    assert page.situation_text.toPlainText() == agreement.situation
    assert page.situation_text.isReadOnly()
    assert page.situation_box.title() == "Lägesbild"
    assert page.walks_box.title() == "Trygghetsvandringar"
    assert page.indicators_box.title() == "Indikatorer som överenskommelsen följer"
    assert page.follow_button.text() == "Följ en indikator…"
    assert page.follow_button.accessibleName() == "Följ en indikator"
    assert page.edit_source_button.text() == "Ändra…"
    assert page.edit_source_button.accessibleName() == "Ändra källa"
    shortcuts = {a.shortcut().toString() for a in page.actions_for_menu() if a is not None}
    assert {"Ctrl+Shift+K", "Ctrl+Shift+F", "Ctrl+Shift+B", "Ctrl+Shift+L", "Ctrl+Shift+I", "Ctrl+Shift+W",
            "Ctrl+Shift+G", "Ctrl+Alt+G"} <= shortcuts
    assert [key for action in page.source_view.actions() if action.text() == page.remove_source_action.text()
            for key in action.shortcuts()] == [QKeySequence(QKeySequence.StandardKey.Delete)]
    for view in (page.situation_text, page.source_view, page.link_view, page.walk_view, page.finding_view,
                 page.chart):
        assert view.accessibleName(), view
    # tab order: the lägesbild, then the walks, then the indicators (disabled buttons are passed over)
    assert next_tab_stop(page.situation_text) is page.source_view
    assert next_tab_stop(page.source_view) is page.add_source_button
    assert next_tab_stop(page.add_source_button) is page.walk_view
    assert next_tab_stop(page.new_walk_button) is page.finding_view
    assert next_tab_stop(page.finding_view) is page.link_view
    assert next_tab_stop(page.link_view) is page.follow_button
    assert not page.edit_source_button.isEnabled(), "nothing selected yet"
    assert not page.measure_button.isEnabled()


def test_no_agreement_disables_the_agreement_actions(page):
    page.set_agreement(None)
    assert page.situation_text.toPlainText() == ""
    assert not page.add_source_button.isEnabled()
    assert not page.follow_button.isEnabled()
    assert not page.new_walk_button.isEnabled()
    assert page.register_button.isEnabled(), "the register belongs to no agreement"


# --- sources ---------------------------------------------------------------------------------------
def test_add_a_source_then_undo_and_redo(qtbot, page, demo_services, stack):
    agreement_id = solna(demo_services)
    click(qtbot, page.add_source_button)
    form = visible(page, SourceForm)
    assert form.windowTitle() == "Ny källa"
    form.text_edit.setText("Polisens trygghetsmätning 2021")  # (QTest types ASCII only)
    click(qtbot, form.save_button)

    def texts() -> list[str]:
        return [s.text for s in demo_services.walks.list_sources(agreement_id)]

    assert texts() == ["Polisens trygghetsmätning 2021"]
    assert page.source_model.rowCount() == 1
    assert page.selected_source().text == "Polisens trygghetsmätning 2021"
    assert stack.undoText() == "lägg till källan «Polisens trygghetsmätning 2021»"

    stack.undo()
    assert texts() == []
    assert page.source_model.rowCount() == 0
    stack.redo()
    assert texts() == ["Polisens trygghetsmätning 2021"]
    assert page.source_model.rowCount() == 1
    stack.undo()  # the command follows the source made again by redo
    assert texts() == []


def test_an_empty_source_is_refused_at_the_field_and_the_form_stays(qtbot, page, stack):
    click(qtbot, page.add_source_button)
    form = visible(page, SourceForm)
    qtbot.keyClicks(form.text_edit, "   ")
    click(qtbot, form.save_button)
    assert form.isVisible()
    assert form.field_errors["text"].isVisible()
    assert form.field_errors["text"].text() == "Källa måste fyllas i."
    assert form.text_edit.text() == "   ", "what was typed is kept"
    assert stack.count() == 0
    form.reject()


def test_change_move_and_remove_sources_each_undoable(qtbot, page, demo_services, stack):
    agreement_id = solna(demo_services)
    for text in ("NTU 2021", "Anmälda brott 2021", "Medborgardialog"):
        demo_services.walks.add_source(agreement_id, text=text)
    page.refresh()

    def texts() -> list[str]:
        return [s.text for s in demo_services.walks.list_sources(agreement_id)]

    page.source_view.selectRow(2)
    click(qtbot, page.source_up_button)
    assert texts() == ["NTU 2021", "Medborgardialog", "Anmälda brott 2021"]
    assert page.selected_source().text == "Medborgardialog", "the moved source stays selected"
    page.source_view.selectRow(0)
    click(qtbot, page.edit_source_button)
    form = visible(page, SourceForm)
    form.text_edit.setText("Brås nationella trygghetsundersökning 2021")
    click(qtbot, form.save_button)
    page.source_view.selectRow(1)
    click(qtbot, page.remove_source_button)
    assert texts() == ["Brås nationella trygghetsundersökning 2021", "Anmälda brott 2021"]

    stack.undo()
    assert texts() == ["Brås nationella trygghetsundersökning 2021", "Medborgardialog", "Anmälda brott 2021"]
    stack.undo()
    stack.undo()
    assert texts() == ["NTU 2021", "Anmälda brott 2021", "Medborgardialog"]
    for _ in range(3):
        stack.redo()
    assert texts() == ["Brås nationella trygghetsundersökning 2021", "Anmälda brott 2021"]


# --- indicators --------------------------------------------------------------------------------------
def _register_safe_share(services) -> int:  # type: ignore[no-untyped-def]
    made = services.indicators.create_indicator(name=SAFE, source="police_survey", unit="%",
                                                direction="higher_is_better")
    for period, value in (("2020", 46), ("2021", 57), ("2022", 64)):
        services.indicators.set_value(made.id, period=period, value=value)
    return made.id


def test_follow_an_indicator_with_baseline_and_target_shows_its_trend(qtbot, page, demo_services, stack):
    indicator_id = _register_safe_share(demo_services)
    click(qtbot, page.follow_button)
    form = visible(page, LinkForm)
    assert form.windowTitle() == "Följ en indikator"
    assert form.indicator_combo.currentData() == indicator_id
    assert form.unit_label.text() == "Enhet: %"
    qtbot.keyClicks(form.baseline_period_edit, "2021")
    qtbot.keyClicks(form.baseline_value_edit, "57")
    qtbot.keyClicks(form.target_value_edit, "67")
    click(qtbot, form.save_button)

    model = page.link_model
    assert model.rowCount() == 1
    assert cells(model, 0)[IndicatorLinkTableModel.BASELINE:] == ["57 (2021)", "67", "64 (2022)", "Bättre"]
    assert page.chart.series() == {Sex.TOTAL: [("2020", 46.0), ("2021", 57.0), ("2022", 64.0)]}
    assert page.chart.baseline() == ("2021", 57.0)
    assert page.chart.target() == 67.0
    assert "Utgångsläge 57 (2021)" in page.chart.accessibleDescription()
    assert stack.undoText() == f"följ indikatorn {SAFE}"

    stack.undo()
    assert demo_services.indicators.list_for_agreement(solna(demo_services)) == []
    assert page.link_model.rowCount() == 0
    assert page.chart.series() == {}
    stack.redo()
    assert page.link_model.rowCount() == 1
    assert cells(page.link_model, 0)[IndicatorLinkTableModel.TREND] == "Bättre"


def test_a_bad_baseline_is_refused_at_its_field_and_kept(qtbot, page, demo_services, stack):
    _register_safe_share(demo_services)
    click(qtbot, page.follow_button)
    form = visible(page, LinkForm)
    qtbot.keyClicks(form.baseline_value_edit, "57,5,1")
    click(qtbot, form.save_button)
    assert form.isVisible()
    assert "57,5,1" in form.field_errors["baseline_value"].text()
    assert form.baseline_value_edit.text() == "57,5,1"
    assert stack.count() == 0
    form.reject()


def test_change_baseline_and_target_then_stop_following(qtbot, page, demo_services, stack):
    agreement_id = solna(demo_services)
    add_indicators(demo_services, agreement_id)
    page.refresh()
    page.link_view.selectRow(1)
    click(qtbot, page.edit_link_button)
    form = visible(page, LinkForm)
    assert form.windowTitle() == "Ändra utgångsläge och mål"
    assert not form.indicator_combo.isEnabled()
    assert form.target_value_edit.text() == f"1{NBSP}300"
    form.target_value_edit.setText("1 200")
    click(qtbot, form.save_button)
    assert cells(page.link_model, 1)[IndicatorLinkTableModel.TARGET] == f"1{NBSP}200"
    assert cells(page.link_model, 1)[IndicatorLinkTableModel.TREND] == "Bättre"
    assert page.selected_link().indicator.name == DAMAGE

    click(qtbot, page.unfollow_button)
    assert [r.indicator.name for r in demo_services.indicators.list_for_agreement(agreement_id)] == [SAFE]
    stack.undo()
    links = demo_services.indicators.list_for_agreement(agreement_id)
    assert [r.indicator.name for r in links] == [SAFE, DAMAGE], "back at its place"
    assert links[1].target_value == 1200
    stack.undo()
    assert demo_services.indicators.list_for_agreement(agreement_id)[1].target_value == 1300


def test_a_value_added_in_the_register_changes_the_chart(qtbot, page, demo_services, stack):
    agreement_id = solna(demo_services)
    indicator = demo_services.indicators.create_indicator(name=SAFE, unit="%", direction="higher_is_better")
    for period, value in (("2020", 46), ("2021", 57)):
        demo_services.indicators.set_value(indicator.id, period=period, value=value)
    demo_services.indicators.link_to_agreement(agreement_id, indicator.id, baseline_period="2021", target_value=67)
    page.refresh()
    assert page.chart.series() == {Sex.TOTAL: [("2020", 46.0), ("2021", 57.0)]}

    click(qtbot, page.register_button)
    register = page.register_dialog
    assert register.isVisible() and register.windowTitle() == "Indikatorregister"
    assert register.selected_indicator().id == indicator.id
    click(qtbot, register.add_value_button)
    form = visible(register, ValueForm)
    assert not form.sex_combo.isEnabled(), "not split by sex"
    qtbot.keyClicks(form.period_edit, "2022")
    qtbot.keyClicks(form.value_edit, "64,5")
    click(qtbot, form.save_button)

    assert page.chart.series() == {Sex.TOTAL: [("2020", 46.0), ("2021", 57.0), ("2022", 64.5)]}
    assert cells(page.link_model, 0)[IndicatorLinkTableModel.LATEST] == "64,5 (2022)"
    assert [cells(register.value_model, r) for r in range(3)][-1] == ["2022", "Totalt", "64,5"]
    assert stack.undoText() == f"ange värdet för {SAFE} för 2022"

    # changing a value: undo puts the one it replaced back
    register.value_view.selectRow(0)
    click(qtbot, register.edit_value_button)
    form = visible(register, ValueForm)
    assert form.period_edit.isReadOnly()
    form.value_edit.setText("47")
    click(qtbot, form.save_button)
    assert page.chart.series()[Sex.TOTAL][0] == ("2020", 47.0)
    register.undo_action.trigger()
    assert page.chart.series()[Sex.TOTAL][0] == ("2020", 46.0)
    register.undo_action.trigger()
    assert page.chart.series() == {Sex.TOTAL: [("2020", 46.0), ("2021", 57.0)]}
    register.redo_action.trigger()
    assert page.chart.series()[Sex.TOTAL][-1] == ("2022", 64.5)
    register.close()


def test_register_create_change_and_delete_an_indicator(qtbot, page, demo_services, stack, warnings):
    from promises_app.ui.situation.indicator_dialogs import IndicatorForm

    click(qtbot, page.register_button)
    register = page.register_dialog
    click(qtbot, register.new_button)
    form = visible(register, IndicatorForm)
    qtbot.keyClicks(form.name_edit, "Narkotikabrott")
    form.direction_combo.setCurrentIndex(form.direction_combo.findData("lower_is_better"))
    click(qtbot, form.save_button)
    assert [i.name for i in demo_services.indicators.list_indicators()] == ["Narkotikabrott"]
    assert register.selected_indicator().name == "Narkotikabrott"

    click(qtbot, register.new_button)  # the same name again: refused at the field
    form = visible(register, IndicatorForm)
    qtbot.keyClicks(form.name_edit, "narkotikabrott")
    click(qtbot, form.save_button)
    assert "det finns redan en indikator som heter Narkotikabrott" in form.field_errors["name"].text()
    form.discard()  # reject() would ask "Spara ändringarna?" first (the name was typed)

    click(qtbot, register.edit_button)
    form = visible(register, IndicatorForm)
    qtbot.keyClicks(form.unit_edit, "antal")
    click(qtbot, form.save_button)
    assert demo_services.indicators.list_indicators()[0].unit == "antal"

    click(qtbot, register.delete_button)
    assert demo_services.indicators.list_indicators() == []
    stack.undo()
    assert [(i.name, i.unit) for i in demo_services.indicators.list_indicators()] == [("Narkotikabrott", "antal")]
    stack.undo()
    stack.undo()
    assert demo_services.indicators.list_indicators() == []
    stack.redo()
    stack.redo()
    assert demo_services.indicators.list_indicators()[0].unit == "antal", "redo follows the indicator made again"
    assert warnings == []
    register.close()


# --- import --------------------------------------------------------------------------------------------
def _choose_file(monkeypatch, path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def test_import_a_good_csv_then_the_values_are_there(qtbot, page, demo_services, stack, monkeypatch, tmp_path):
    agreement_id = solna(demo_services)
    indicator = demo_services.indicators.create_indicator(name=SAFE, unit="%", direction="higher_is_better")
    demo_services.indicators.link_to_agreement(agreement_id, indicator.id, baseline_period="2021")
    page.refresh()
    path = tmp_path / "värden.csv"
    path.write_bytes(
        "\ufeffIndikator;Period;Värde\r\n"
        f"{SAFE};2020;46\r\n{SAFE};2021;57\r\n{SAFE};2022;\"64,5\"\r\n"
        "Anmälda skadegörelsebrott;2022;1 234,5\r\n".encode()
    )
    _choose_file(monkeypatch, path)
    click(qtbot, page.import_button)
    dialog = page.import_dialog
    assert dialog.isVisible()
    assert dialog.import_button.isEnabled()
    assert not dialog.error_view.isVisible()
    assert dialog.row_model.rowCount() == 4
    assert "värden.csv (CSV): 4 värden för 2 indikatorer." in dialog.summary_label.text()
    assert "Anmälda skadegörelsebrott" in dialog.summary_label.text()  # a new indicator
    click(qtbot, dialog.import_button)

    assert not dialog.isVisible()
    assert [(v.period, v.value) for v in demo_services.indicators.list_values(indicator.id)] == [
        ("2020", 46.0), ("2021", 57.0), ("2022", 64.5),
    ]
    assert page.chart.series() == {Sex.TOTAL: [("2020", 46.0), ("2021", 57.0), ("2022", 64.5)]}
    assert cells(page.link_model, 0)[IndicatorLinkTableModel.TREND] == "Bättre"
    assert page.notice_label.text().startswith("Importerat från värden.csv: 4 nya värden, 0 ersatta, 0 oförändrade; "
                                               "1 nya indikatorer.")
    assert "En säkerhetskopia gjordes först" in page.notice_label.text()
    assert stack.count() == 0, "the import is not an undo command"


def test_import_a_bad_csv_shows_line_and_column_and_imports_nothing(qtbot, page, demo_services, monkeypatch,
                                                                      tmp_path):
    path = tmp_path / "fel.csv"
    path.write_bytes("\ufeffIndikator;Period;Värde\r\nTrygghet;2021;57\r\nTrygghet;2022;12,3,4\r\n".encode())
    _choose_file(monkeypatch, path)
    click(qtbot, page.import_button)
    dialog = page.import_dialog
    assert not dialog.import_button.isEnabled()
    assert dialog.error_view.isVisible() and not dialog.row_view.isVisible()
    assert dialog.error_model.rowCount() == 1
    assert cells(dialog.error_model, 0)[ImportErrorTableModel.LINE] == "Rad 3"
    assert cells(dialog.error_model, 0)[ImportErrorTableModel.COLUMN] == "Värde"
    assert "'12,3,4' är inget tal." in cells(dialog.error_model, 0)[ImportErrorTableModel.MESSAGE]
    assert dialog.error_label.text().startswith("Filen har 1 fel och kan inte importeras.")
    assert dialog.import_values() is None
    click(qtbot, dialog.cancel_button)
    assert demo_services.indicators.list_indicators() == []


# --- safety walks ----------------------------------------------------------------------------------------
def _walk_with_finding(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, page.new_walk_button)
    form = visible(page, WalkForm)
    assert form.date_edit.date() == date(2022, 9, 1), "today by default"
    qtbot.mouseClick(form.date_edit.line_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.date_edit.line_edit, "12/10 2021")
    qtbot.keyClicks(form.place_edit, "Hagalund centrum")
    form.participants_edit.setPlainText("Solna stad\nLokalpolisområde Solna")
    click(qtbot, form.save_button)
    assert cells(page.walk_model, 0)[:3] == ["2021-10-12", "Hagalund centrum", "Solna stad, Lokalpolisområde Solna"]
    assert page.selected_walk().place == "Hagalund centrum"
    click(qtbot, page.new_finding_button)
    form = visible(page, FindingForm)
    form.text_edit.setPlainText("Gångvägen mot parken är mörk")
    click(qtbot, form.save_button)
    assert page.finding_model.rowCount() == 1
    assert page.selected_finding().text == "Gångvägen mot parken är mörk"
    assert page.measure_button.isEnabled()


def test_a_finding_made_into_a_measure_on_a_draft_and_undone(qtbot, page, demo_services, stack):
    agreement_id = solna(demo_services)
    demo_services.signoff.new_revision(agreement_id)
    page.refresh()
    measures_before = len(demo_services.plan.list_measures(agreement_id))
    _walk_with_finding(qtbot, page)

    click(qtbot, page.measure_button)
    dialog = visible(page, MakeMeasureDialog)
    promises = demo_services.plan.list_promises(agreement_id)
    assert dialog.promise_combo.count() == len(promises)
    assert dialog.title_edit.text() == "Gångvägen mot parken är mörk"
    dialog.promise_combo.setCurrentIndex(len(promises) - 1)
    dialog.title_edit.setText("Belysning på gångvägen mot parken")
    click(qtbot, dialog.save_button)

    made = [m for m in demo_services.plan.list_measures(agreement_id) if m.title == "Belysning på gångvägen mot parken"]
    assert len(made) == 1
    assert made[0].promise_id == promises[-1].id
    assert made[0].cause == "Gångvägen mot parken är mörk"
    assert cells(page.finding_model, 0)[FindingTableModel.MEASURE] == "Belysning på gångvägen mot parken"
    assert not page.measure_button.isEnabled(), "already a measure"
    assert page.notice_label.text() == "Iakttagelsen är nu åtgärden «Belysning på gångvägen mot parken»."
    assert stack.undoText() == "gör iakttagelsen «Gångvägen mot parken är mörk» till en åtgärd"

    stack.undo()
    assert len(demo_services.plan.list_measures(agreement_id)) == measures_before
    assert cells(page.finding_model, 0)[FindingTableModel.MEASURE] == ""
    assert demo_services.walks.list_walks(agreement_id)[0].findings[0].measure_id is None
    stack.redo()
    assert len(demo_services.plan.list_measures(agreement_id)) == measures_before + 1
    assert cells(page.finding_model, 0)[FindingTableModel.MEASURE] == "Belysning på gångvägen mot parken"
    # the walk and the finding were undoable too
    stack.undo()
    stack.undo()
    stack.undo()
    assert demo_services.walks.list_walks(agreement_id) == []
    assert page.walk_model.rowCount() == 0 and page.finding_model.rowCount() == 0


def test_on_the_signed_agreement_making_a_measure_is_refused_and_nothing_changes(qtbot, page, demo_services,
                                                                                 stack, warnings):
    agreement_id = solna(demo_services)
    _walk_with_finding(qtbot, page)
    measures_before = demo_services.plan.list_measures(agreement_id)
    commands_before = stack.count()

    click(qtbot, page.measure_button)
    dialog = visible(page, MakeMeasureDialog)
    click(qtbot, dialog.save_button)

    assert len(warnings) == 1
    assert "är undertecknad (revision 1) och kan inte ändras. Starta en ny revision" in warnings[0]
    assert not dialog.isVisible()
    assert demo_services.plan.list_measures(agreement_id) == measures_before
    assert demo_services.walks.list_walks(agreement_id)[0].findings[0].measure_id is None
    assert stack.count() == commands_before
    assert page.measure_button.isEnabled(), "it can be tried again in a new revision"


def test_undoing_a_measure_after_the_agreement_was_signed_is_refused_and_reported(qtbot, page, demo_services,
                                                                                   stack, warnings):
    agreement_id = solna(demo_services)
    demo_services.signoff.new_revision(agreement_id)
    page.refresh()
    _walk_with_finding(qtbot, page)
    click(qtbot, page.measure_button)
    click(qtbot, visible(page, MakeMeasureDialog).save_button)
    measures = demo_services.plan.list_measures(agreement_id)
    sign_agreement(demo_services, agreement_id, place="Solna", signed_on=date(2022, 8, 30))

    stack.undo()
    assert len(warnings) == 1 and "Starta en ny revision" in warnings[0]
    assert demo_services.plan.list_measures(agreement_id) == measures, "the measure stays"
    assert "till en åtgärd" not in stack.undoText(), "the refused command has left the stack"


def test_delete_a_walk_and_undo_brings_back_its_findings(qtbot, page, demo_services, stack):
    agreement_id = solna(demo_services)
    _walk_with_finding(qtbot, page)
    click(qtbot, page.delete_walk_button)
    assert demo_services.walks.list_walks(agreement_id) == []
    assert page.finding_model.rowCount() == 0
    stack.undo()
    walks = demo_services.walks.list_walks(agreement_id)
    assert [(w.place, [f.text for f in w.findings]) for w in walks] == [
        ("Hagalund centrum", ["Gångvägen mot parken är mörk"])
    ]
    stack.undo()  # the finding's own "add", now about the finding made again
    assert demo_services.walks.list_walks(agreement_id)[0].findings == ()


def test_deleting_a_finding_that_became_a_measure_asks_and_is_not_undoable(qtbot, page, demo_services, stack,
                                                                            monkeypatch):
    agreement_id = solna(demo_services)
    demo_services.signoff.new_revision(agreement_id)
    page.refresh()
    _walk_with_finding(qtbot, page)
    click(qtbot, page.measure_button)
    click(qtbot, visible(page, MakeMeasureDialog).save_button)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *_a, **_k: asked.append(text) or QMessageBox.StandardButton.Yes)
    count = stack.count()
    page.finding_view.selectRow(0)
    click(qtbot, page.delete_finding_button)
    assert "det går inte att ångra" in asked[0]
    assert demo_services.walks.list_walks(agreement_id)[0].findings == ()
    assert stack.count() == count
    assert any(m.title == "Gångvägen mot parken är mörk" for m in demo_services.plan.list_measures(agreement_id))


def test_the_chart_draws_with_and_without_values(qtbot, page, demo_services):
    add_indicators(demo_services, solna(demo_services))
    page.refresh()
    assert page.selected_link().indicator.name == SAFE, "the first indicator is shown at once"
    assert not page.chart.grab().isNull()
    page.link_view.selectRow(1)
    assert page.chart.series()[Sex.TOTAL][-1] == ("2022", 1234.5)
    assert f"2022: 1{NBSP}234,5" in page.chart.accessibleDescription()
    page.link_view.clearSelection()
    assert page.chart.series() == {}
    assert page.chart.accessibleDescription() == "Välj en indikator för att se dess värden."
    assert not page.chart.grab().isNull()


def test_an_indicator_the_agreement_follows_cannot_be_deleted(qtbot, page, demo_services, stack, warnings):
    add_indicators(demo_services, solna(demo_services))
    page.refresh()
    click(qtbot, page.register_button)
    register = page.register_dialog
    register.select_indicator(page.selected_link().indicator.id)
    click(qtbot, register.delete_button)
    assert len(warnings) == 1
    assert "kan inte tas bort eftersom den följs av «Solna – medborgarlöften 2022»" in warnings[0]
    assert len(demo_services.indicators.list_indicators()) == 2
    assert stack.count() == 0
    register.close()
