"""The Plan page's tree model and filter proxy on real service records, without any widget."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTranslator

from promises_app.domain.enums import FollowUpStatus, OrganisationKind, TrafficLight
from promises_app.domain.snapshot import SnapshotOrganisation
from promises_app.reports.agreement_content import promise_heading as report_heading
from promises_app.services.records import OrganisationRecord
from promises_app.ui.common.formatting import format_date
from promises_app.ui.plan.plan_filter import NO_FOCUS_AREA, NOT_FOLLOWED_UP, PlanFilter, PlanFilterProxy
from promises_app.ui.plan.plan_models import (
    ID_ROLE,
    KIND_ROLE,
    OVERDUE_BACKGROUND,
    PlanTreeModel,
    promise_heading,
    read_plan,
)
from tests.reports.builders import make_norrstad
from tests.ui.conftest import DEMO_TODAY

SOLNA_PROMISE = "Solna – medborgarlöften 2022"
HELSINGBORG = "Samverkansöverenskommelse mellan Helsingborgs stad och lokalpolisområde Helsingborg 2018–2022"
OVERDUE_TITLE = "Genomföra trygghetsåtgärder i stadsmiljön"


def agreement_id(services, title: str) -> int:  # type: ignore[no-untyped-def]
    return next(a.id for a in services.agreements.list_agreements() if a.title == title)


def tree(services, title: str) -> PlanTreeModel:  # type: ignore[no-untyped-def]
    model = PlanTreeModel()
    model.show(read_plan(services, agreement_id(services, title), DEMO_TODAY))
    return model


def texts(model, parent: QModelIndex = QModelIndex()) -> list:  # type: ignore[no-untyped-def]  # noqa: B008
    """The tree as nested (title, [children]) pairs, top to bottom."""
    return [
        (model.index(r, 0, parent).data(), texts(model, model.index(r, 0, parent)))
        for r in range(model.rowCount(parent))
    ]


def test_the_tree_groups_promises_by_who_makes_them(demo_services) -> None:  # type: ignore[no-untyped-def]
    model = tree(demo_services, HELSINGBORG)
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    # Helsingborgshem beside them: every maker by name (issue 13), not "the police, the municipality and …".
    assert top == ["Helsingborgs stad, Lokalpolisområde Helsingborg and Helsingborgshem promise to …",
                   "The police and the municipality promise to …"]
    first_group = model.index(0, 0)
    assert model.index(0, 0).data(KIND_ROLE) == "group" and first_group.data(ID_ROLE) is None
    promise = model.index(0, 0, first_group)
    assert promise.data(KIND_ROLE) == "promise"
    assert promise.data().startswith("skapa en gemensam och aktuell lägesbild")
    measures = [model.index(r, 0, promise).data() for r in range(model.rowCount(promise))]
    assert measures == ["Veckovisa möten om den gemensamma lägesbilden",
                        "Platssamverkan i Helsingborgshems bostadsområden"]
    measure = model.index(1, 0, promise)
    row = [measure.siblingAtColumn(c).data() for c in range(model.columnCount())]
    assert row == ["Platssamverkan i Helsingborgshems bostadsområden", "Helsingborgshem", format_date(date(2022, 12, 31)),
                   "In progress (so far 2 of 3, this period –)", "Trygg stadsmiljö"]  # a counted measure
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Promise or measure", "Responsible", "Deadline", "Status", "Focus area"]
    assert model.index_of_measure(measure.data(ID_ROLE)) == measure.siblingAtColumn(0)


def test_overdue_measures_are_coloured_and_the_light_is_shown(demo_services) -> None:  # type: ignore[no-untyped-def]
    model = tree(demo_services, SOLNA_PROMISE)
    promise = model.index(0, 0, model.index(0, 0))
    rows = [model.index(r, 0, promise) for r in range(model.rowCount(promise))]
    overdue = next(i for i in rows if i.data().startswith(OVERDUE_TITLE))
    assert overdue.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    assert overdue.siblingAtColumn(PlanTreeModel.STATUS).data() == "Partly done"
    assert overdue.siblingAtColumn(PlanTreeModel.STATUS).data(Qt.ItemDataRole.DecorationRole).name() == "#c62828"
    on_time = rows[0]
    assert on_time.data(Qt.ItemDataRole.BackgroundRole) is None


class DictTranslator(QTranslator):
    """The Swedish words of the headings (what /tmp/tr/plan.json gives the catalogue)."""

    WORDS: ClassVar[dict[str, str]] = {
        "The police promise to …": "Polisen lovar att …",
        "The municipality promises to …": "Kommunen lovar att …",
        "The police and the municipality promise to …": "Polisen och kommunen lovar att …",
        "The police promise": "Polisen lovar",
        "The municipality promises": "Kommunen lovar",
        "The police and the municipality promise": "Polisen och kommunen lovar",
        "%1 and %2": "%1 och %2",
        "%1 promise to …": "%1 lovar att …",
        "%1 promise": "%1 lovar",
    }

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
        return self.WORDS.get(source, "") if context == "PlanModels" else ""

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


@pytest.mark.parametrize("continues", [True, False], ids=["lovar-att", "as-written"])
@pytest.mark.parametrize("kinds", [
    ["police"], ["municipality"], ["police", "municipality"], ["municipality", "police"],
    ["municipality", "police", "housing_company"], ["housing_company", "municipality"],
    ["municipality", "municipality"], ["other"], ["state_agency", "police"], ["municipal_company", "municipality"],
])
def test_the_swedish_headings_are_the_documents_own(  # type: ignore[no-untyped-def]
    qapp, kinds: list[str], continues: bool
) -> None:
    organisations = [
        OrganisationRecord(i, f"Organisation {i}", OrganisationKind(kind), f"Org{i}" if kind == "other" else "", 1)
        for i, kind in enumerate(kinds)
    ]
    snapshot = [SnapshotOrganisation(id=o.id, name=o.name, kind=o.kind, short_name=o.short_name)
                for o in organisations]
    second_town = OrganisationRecord(99, "Grannkommunen", OrganisationKind.MUNICIPALITY, "", 1)
    translator = DictTranslator()
    qapp.installTranslator(translator)
    try:
        assert promise_heading(organisations, continues=continues) == report_heading(snapshot, continues=continues)
        parties = [*organisations, second_town]
        assert promise_heading(organisations, parties, continues=continues) == report_heading(
            snapshot, parties, continues=continues)
    finally:
        qapp.removeTranslator(translator)


# --- the filter -----------------------------------------------------------------------------------
def proxy_for(services, title: str) -> tuple[PlanFilterProxy, PlanTreeModel]:  # type: ignore[no-untyped-def]
    model = tree(services, title)
    proxy = PlanFilterProxy()
    proxy.setSourceModel(model)
    return proxy, model


def titles(proxy: PlanFilterProxy, services, agreement: int) -> list[str]:  # type: ignore[no-untyped-def]
    by_id = {m.id: m.title for m in services.plan.list_measures(agreement)}
    return [by_id[i] for i in proxy.visible_measure_ids()]


def test_only_overdue_keeps_the_promise_and_heading_above_the_match(demo_services) -> None:  # type: ignore[no-untyped-def]
    proxy, _model = proxy_for(demo_services, SOLNA_PROMISE)
    solna = agreement_id(demo_services, SOLNA_PROMISE)
    assert len(proxy.visible_measure_ids()) == 7
    proxy.set_filter(PlanFilter(only_overdue=True))
    assert [t[:len(OVERDUE_TITLE)] for t in titles(proxy, demo_services, solna)] == [OVERDUE_TITLE]
    heading = proxy.index(0, 0)
    assert heading.data() == "The police and the municipality promise to …"
    assert proxy.rowCount(heading) == 1 and proxy.rowCount(proxy.index(0, 0, heading)) == 1
    proxy.set_filter(PlanFilter())
    assert len(proxy.visible_measure_ids()) == 7


def test_free_text_looks_through_titles_descriptions_and_follow_up_comments(demo_services) -> None:  # type: ignore[no-untyped-def]
    services = demo_services
    solna = agreement_id(services, SOLNA_PROMISE)
    commented = next(f for f in services.follow_ups.list_for_agreement(solna) if f.comment)
    word = max(commented.comment.split(), key=len)
    proxy, _model = proxy_for(services, SOLNA_PROMISE)
    proxy.set_filter(PlanFilter(text=word.upper()))
    assert commented.measure_id in proxy.visible_measure_ids()
    proxy.set_filter(PlanFilter(text="TRYGGHETSVANDRINGAR fyra"))
    found = titles(proxy, services, solna)
    assert len(found) == 1 and "fyra trygghetsvandringar" in found[0]
    proxy.set_filter(PlanFilter(text="ingenting sådant finns"))
    assert proxy.visible_measure_ids() == [] and proxy.rowCount() == 0
    # the promise's own words show the promise with all its measures
    proxy.set_filter(PlanFilter(text="offentliga miljön"))
    assert len(proxy.visible_measure_ids()) == 7


def test_filters_for_party_owner_status_light_and_focus_area(demo_services) -> None:  # type: ignore[no-untyped-def]
    services = demo_services
    helsingborg = agreement_id(services, HELSINGBORG)
    parties = {p.organisation_name: p.organisation_id for p in services.agreements.list_parties(helsingborg)}
    areas = {f.name: f.id for f in services.plan.list_focus_areas(helsingborg)}
    proxy, _model = proxy_for(services, HELSINGBORG)

    def shown(**kwargs: object) -> list[str]:
        proxy.set_filter(PlanFilter(**kwargs))  # type: ignore[arg-type]
        return titles(proxy, services, helsingborg)

    assert shown(owner_id=parties["Helsingborgshem"]) == ["Platssamverkan i Helsingborgshems bostadsområden"]
    # Helsingborgshem also makes the first promise: both its measures
    assert len(shown(party_id=parties["Helsingborgshem"])) == 2
    assert shown(status=NOT_FOLLOWED_UP) == ["Samverka mot välfärds- och bidragsbrott"]
    assert shown(status=FollowUpStatus.DONE) == []
    assert shown(light=TrafficLight.GREEN) == ["Platssamverkan i Helsingborgshems bostadsområden",
                                               "Riktade insatser mot öppen narkotikahandel"]
    assert shown(light=TrafficLight.NOT_ASSESSED) == ["Samverka mot välfärds- och bidragsbrott"]
    assert shown(focus_area_id=areas["Narkotika"]) == ["Riktade insatser mot öppen narkotikahandel"]
    assert shown(focus_area_id=NO_FOCUS_AREA) == []
    assert shown(owner_id=parties["Lokalpolisområde Helsingborg"], light=TrafficLight.YELLOW) == [
        "Samordnade tillsyner mot nyetablering av organiserad brottslighet"]
    # a promise with no measure matching a measure filter is hidden, and so is its heading
    assert shown(focus_area_id=areas["Narkotika"]) and proxy.rowCount() == 1


def test_a_promise_without_measures_matches_by_its_own_text(services) -> None:  # type: ignore[no-untyped-def]
    reg, agr = services.register, services.agreements
    police = reg.create_organisation(name="LPO Exempelstad", kind="police")
    agreement = agr.create_agreement(kind="citizen_promise", title="Utkast", start_date="2022-01-01",
                                     end_date="2022-12-31", reporting_scheme="tertial")
    agr.add_party(agreement.id, organisation_id=police.id)
    services.plan.create_promise(agreement.id, text="synas mer i centrum", maker_ids=[police.id])
    model = PlanTreeModel()
    model.show(read_plan(services, agreement.id, date(2022, 3, 1)))
    proxy = PlanFilterProxy()
    proxy.setSourceModel(model)
    assert texts(model) == [("The police promise to …", [("synas mer i centrum", [])])]
    assert model.index(0, PlanTreeModel.STATUS, model.index(0, 0)).data() == "No measures yet"
    proxy.set_filter(PlanFilter(text="Centrum"))
    assert proxy.rowCount() == 1
    proxy.set_filter(PlanFilter(text="centrum", only_overdue=True))
    assert proxy.rowCount() == 0


def test_the_tree_keeps_a_promise_as_written_and_names_other_makers(services) -> None:  # type: ignore[no-untyped-def]
    """Issue 13's Norrstad: the police's own wording under "The police promise", the continuing
    promise beside it with its "to", and a municipal company and Tullverket named, as printed."""
    made = make_norrstad(services)
    model = PlanTreeModel()
    model.show(read_plan(services, made.agreement_id, date(2025, 3, 1)))
    assert [(heading, [title for title, _measures in promises]) for heading, promises in texts(model)] == [
        ("The police promise", ["synlig närvaro vid stationen på helgkvällar",
                                "to öka kontrollerna av mopedtrafiken i centrum"]),
        ("Norrstads parkeringsbolag and Norrstads kommun promise to …", ["göra parkeringshusen ljusare och tryggare"]),
        ("The police and the municipality promise to …", ["genomföra trygghetsvandringar med de boende"]),
        ("Tullverket and Lokalpolisområde Norrstad promise", ["gemensamma kontroller i hamnen varje månad"]),
    ]
