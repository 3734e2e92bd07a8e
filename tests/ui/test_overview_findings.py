"""Översikt lists the safety-walk findings open for more than six months, and nothing when there are none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from PySide6.QtGui import QUndoStack

from promises_app.services import Services
from promises_app.ui.overview.overview_models import OpenFindingModel
from promises_app.ui.overview.overview_page import OverviewPage
from tests.ui.conftest import DEMO_TODAY

SOLNA = "Solna – medborgarlöften 2022"


def _solna(services: Services) -> int:
    return next(a.id for a in services.agreements.list_agreements() if a.title == SOLNA)


@pytest.fixture
def stack() -> Iterator[QUndoStack]:
    made = QUndoStack()
    yield made
    made.blockSignals(True)


@pytest.fixture
def page(qtbot, demo_services: Services, stack: QUndoStack) -> OverviewPage:  # type: ignore[no-untyped-def]
    shown = OverviewPage(demo_services, stack, today=lambda: DEMO_TODAY)
    qtbot.addWidget(shown)
    shown.resize(1100, 760)
    shown.set_agreement(_solna(demo_services))
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_no_box_without_long_open_findings(page: OverviewPage, demo_services: Services) -> None:
    walks = demo_services.walks
    walk = walks.create_walk(_solna(demo_services), walked_on=DEMO_TODAY - relativedelta(months=5), place="Torget")
    walks.add_finding(walk.id, text="Öppen i fem månader")
    page.refresh()
    assert page.overview is not None and page.overview.long_open_findings == ()
    assert not page.findings_box.isVisible()


def test_a_finding_open_more_than_six_months_is_listed_and_one_open_five_is_not(
    swedish_app, page: OverviewPage, demo_services: Services, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    walks = demo_services.walks
    agreement_id = _solna(demo_services)
    owner = demo_services.register.create_organisation(name="Solna stad, tekniska förvaltningen",
                                                       kind="municipality")
    old = walks.create_walk(agreement_id, walked_on=DEMO_TODAY - relativedelta(months=6, days=1), place="Hagalund",
                            participants="Anna Andersson")
    recent = walks.create_walk(agreement_id, walked_on=DEMO_TODAY - relativedelta(months=5), place="Torget")
    walks.add_finding(old.id, text="Gångvägen mot parken är mörk", place="Hagalundsparken", owner_id=owner.id)
    walks.add_finding(old.id, text="Åtgärdad lampa", status="dealt_with", dealt_on=DEMO_TODAY, today=DEMO_TODAY)
    walks.add_finding(recent.id, text="Öppen i fem månader")
    page.refresh()
    assert page.findings_box.isVisible()
    model = page.findings_model
    assert model.rowCount() == 1
    row = [model.index(0, column).data() for column in range(model.columnCount())]
    assert row == ["Gångvägen mot parken är mörk", "Hagalundsparken", "2022-02-28",
                   "Solna stad, tekniska förvaltningen"]
    assert model.headers()[OpenFindingModel.WALKED_ON] == "Vandringens datum"
    assert page.findings_box.title() == "F&ynd från trygghetsvandringar som varit öppna mer än sex månader"
    page.grab().save(str(tmp_path / "overview-findings.png"))
    shots = Path("/tmp/findings/shots")
    if shots.is_dir():
        page.grab().save(str(shots / "overview-findings.png"))
