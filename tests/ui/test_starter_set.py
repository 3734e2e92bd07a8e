"""The starter set from the Plan page, driven with keys and clicks: the empty plan's hint, the dialog
with its check boxes, one undo step for everything picked."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from promises_app.ui.plan.plan_page import PlanPage
from promises_app.ui.plan.starter_set_dialog import StarterSetDialog
from tests.ui.conftest import DEMO_TODAY

LEFT = Qt.MouseButton.LeftButton
pytestmark = pytest.mark.usefixtures("swedish_app")


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


def _draft(services, kinds=("municipality", "police")) -> int:  # type: ignore[no-untyped-def]
    reg, agr = services.register, services.agreements
    agreement = agr.create_agreement(kind="citizen_promise", title="Exempelstad 2022", start_date="2022-01-01",
                                     end_date="2022-12-31", reporting_scheme="tertial")
    names = {"municipality": "Exempelstads kommun", "police": "LPO Exempelstad"}
    for kind in kinds:
        agr.add_party(agreement.id, organisation_id=reg.create_organisation(name=names[kind], kind=kind).id)
    return agreement.id


def _page(qtbot, services, stack, agreement_id: int) -> PlanPage:  # type: ignore[no-untyped-def]
    page = PlanPage(services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    qtbot.waitExposed(page)
    page.set_agreement(agreement_id)
    return page


def _tick(qtbot, dialog: StarterSetDialog, item: QTreeWidgetItem) -> None:  # type: ignore[no-untyped-def]
    dialog.tree.setCurrentItem(item)
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)


def _while_open(drive: Callable[[StarterSetDialog], None]) -> None:
    def run() -> None:
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, StarterSetDialog)
        drive(shown)

    QTimer.singleShot(0, run)


def test_the_empty_plan_offers_the_starter_set_and_adds_the_picks_as_one_undo_step(  # type: ignore[no-untyped-def]
    qtbot, services, stack
) -> None:
    agreement_id = _draft(services)
    page = _page(qtbot, services, stack, agreement_id)
    assert page.empty_hint.isVisible()
    assert "Börja med ett löfte" in page.empty_hint.text_label.text()
    assert page.empty_hint.starter_button.text() == "Välj ur startpaketet…"

    def pick(dialog: StarterSetDialog) -> None:
        assert not dialog.add_button.isEnabled(), "nothing ticked yet"
        walks_promise = dialog.promises_group.child(0)  # the safety walks: ticking it ticks its two measures
        _tick(qtbot, dialog, walks_promise)
        traffic_controls = dialog.promises_group.child(1).child(0)
        _tick(qtbot, dialog, traffic_controls)
        index = next(i for i in dialog.indicator_items() if "problemindex" in i.text(0))
        _tick(qtbot, dialog, index)
        assert dialog.add_button.text() == "&Lägg till (åtgärder: 3, indikatorer: 1)"
        qtbot.mouseClick(dialog.add_button, LEFT)

    _while_open(pick)
    qtbot.mouseClick(page.empty_hint.starter_button, LEFT)

    measures = services.plan.list_measures(agreement_id)
    assert [m.title for m in measures] == [
        "Genomföra fyra trygghetsvandringar i kombination med fyra medborgardialoger",
        "Föra in iakttagelserna från trygghetsvandringarna i en gemensam åtgärdslista",
        "Genomföra trafikkontroller med inriktning på hastighet samt drog- och rattfylleri",
    ]
    assert [x.indicator.name for x in services.indicators.list_for_agreement(agreement_id)] == [
        "Polisens trygghetsmätning: problemindex"
    ]
    assert stack.count() == 1 and stack.undoText().startswith("Lägg till från startpaketet")
    qtbot.waitUntil(lambda: not page.empty_hint.isVisible())

    stack.undo()
    assert services.plan.list_measures(agreement_id) == []
    assert services.indicators.list_for_agreement(agreement_id) == []
    assert services.indicators.list_indicators() == []
    qtbot.waitUntil(lambda: page.empty_hint.isVisible())
    stack.redo()
    assert len(services.plan.list_measures(agreement_id)) == 3
    assert len(services.indicators.list_for_agreement(agreement_id)) == 1


def test_without_parties_the_hint_says_to_add_them_and_the_dialog_says_why_it_refuses(  # type: ignore[no-untyped-def]
    qtbot, services, stack
) -> None:
    agreement_id = _draft(services, kinds=())
    page = _page(qtbot, services, stack, agreement_id)
    assert "lägg först till parterna" in page.empty_hint.text_label.text().lower()
    seen: list[str] = []

    def pick(dialog: StarterSetDialog) -> None:
        _tick(qtbot, dialog, dialog.measure_items()[0])
        qtbot.mouseClick(dialog.add_button, LEFT)
        seen.append(dialog.error_label.text())
        assert dialog.isVisible(), "the dialog stays open with the ticks"
        dialog.reject()

    _while_open(pick)
    qtbot.mouseClick(page.empty_hint.starter_button, LEFT)
    assert seen and "inga parter ännu" in seen[0]
    assert stack.count() == 0 and services.plan.list_measures(agreement_id) == []


def test_a_signed_agreement_offers_only_the_indicators(qtbot, demo_services, stack) -> None:  # type: ignore[no-untyped-def]
    solna = next(a for a in demo_services.agreements.list_agreements() if a.title == "Solna – medborgarlöften 2022")
    page = _page(qtbot, demo_services, stack, solna.id)
    assert not page.empty_hint.isVisible()
    dialog = StarterSetDialog(demo_services, stack, solna.id, plan_locked=True, parent=page)
    qtbot.addWidget(dialog)
    assert not dialog.promises_group.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "låst" in dialog.promises_group.text(0)
    assert all(not item.flags() & Qt.ItemFlag.ItemIsUserCheckable for item in dialog.measure_items())
    assert all(item.flags() & Qt.ItemFlag.ItemIsUserCheckable for item in dialog.indicator_items())


def test_the_situation_page_picks_indicators_for_a_signed_agreement(qtbot, demo_services, stack) -> None:  # type: ignore[no-untyped-def]
    from promises_app.ui.situation.situation_page import SituationPage

    solna = next(a for a in demo_services.agreements.list_agreements() if a.title == "Solna – medborgarlöften 2022")
    page = SituationPage(demo_services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    qtbot.waitExposed(page)
    page.set_agreement(solna.id)
    assert page.starter_action in page.actions_for_menu() and page.starter_action.isEnabled()
    assert page.starter_action.text() == "Välj ur &startpaketet…"

    def pick(dialog: StarterSetDialog) -> None:
        assert not dialog.promises_group.flags() & Qt.ItemFlag.ItemIsEnabled, "the signed plan is locked"
        survey = next(i for i in dialog.indicator_items() if i.text(0).startswith("Kommunens trygghetsmätning"))
        _tick(qtbot, dialog, survey)
        qtbot.mouseClick(dialog.add_button, LEFT)

    _while_open(pick)
    page.starter_action.trigger()
    assert [x.indicator.name for x in demo_services.indicators.list_for_agreement(solna.id)] == [
        "Kommunens trygghetsmätning: andel som känner sig trygga"]
    qtbot.waitUntil(lambda: page.link_model.rowCount() == 1)
    stack.undo()
    assert demo_services.indicators.list_for_agreement(solna.id) == []
