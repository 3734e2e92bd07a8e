"""The "Lägesbild och indikatorer" page's item models on real service records, without any widget."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from promises_app.domain.indicators import Verdict
from promises_app.ui.situation.indicator_chart import nice_axis
from promises_app.ui.situation.situation_models import (
    ID_ROLE,
    RECORD_ROLE,
    VERDICT_COLOURS,
    FindingTableModel,
    ImportErrorTableModel,
    ImportRowTableModel,
    IndicatorLinkTableModel,
    IndicatorTableModel,
    IndicatorValueTableModel,
    SourceTableModel,
    WalkTableModel,
    format_number,
)

SOLNA_PROMISE = "Solna – medborgarlöften 2022"
SAFE = "Andel som känner sig trygga i Hagalund"
DAMAGE = "Anmälda skadegörelsebrott per 100 000 invånare"
NBSP = "\u00a0"
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def clear_demo_situation(services) -> None:  # type: ignore[no-untyped-def]
    """Take the demo's own lägesbild away, through the services: its sources, safety walks and
    followed indicators (services/demo_situation.py), and those indicators from the register.
    These tests build a lägesbild from empty and count its rows."""
    for agreement in services.agreements.list_agreements():
        for source in services.walks.list_sources(agreement.id):
            services.walks.delete_source(source.id)
        for walk in services.walks.list_walks(agreement.id):
            services.walks.delete_walk(walk.id)
        for link in services.indicators.list_for_agreement(agreement.id):
            services.indicators.unlink_from_agreement(link.id)
    for indicator in services.indicators.list_indicators():
        services.indicators.delete_indicator(indicator.id)


@pytest.fixture(autouse=True)
def _without_the_demo_situation(request):  # type: ignore[no-untyped-def]
    """With the demo loaded, start from an empty lägesbild (clear_demo_situation)."""
    if "demo_services" in request.fixturenames:
        clear_demo_situation(request.getfixturevalue("demo_services"))


@pytest.fixture
def swedish(swedish_app):  # type: ignore[no-untyped-def]
    """The Swedish application (the catalogue in resources/translations has the page's strings)."""
    return swedish_app


def solna(services) -> int:  # type: ignore[no-untyped-def]
    return next(a.id for a in services.agreements.list_agreements() if a.title == SOLNA_PROMISE)


def add_indicators(services, agreement_id: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The two indicators of the page's screenshot, followed by the agreement; their link ids."""
    indicators = services.indicators
    safe = indicators.create_indicator(name=SAFE, category="Trygghet", source="police_survey", unit="%",
                                       direction="higher_is_better", area="Hagalund")
    damage = indicators.create_indicator(name=DAMAGE, category="Anmälda brott", source="reported_crime",
                                         unit="per 100 000 inv.", direction="lower_is_better")
    for period, value in (("2020", 46), ("2021", 57), ("2022", 64)):
        indicators.set_value(safe.id, period=period, value=value)
    for period, value in (("2020", 1420), ("2021", 1310), ("2022", "1 234,5")):
        indicators.set_value(damage.id, period=period, value=value)
    first = indicators.link_to_agreement(agreement_id, safe.id, baseline_period="2021", baseline_value=57,
                                         target_value=67, target_text="Två av tre känner sig trygga")
    second = indicators.link_to_agreement(agreement_id, damage.id, baseline_period="2020", target_value=1300)
    return first.id, second.id


def headers(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def row(model, number: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(number, c).data() for c in range(model.columnCount())]


# --- numbers --------------------------------------------------------------------------------------
def test_numbers_are_written_the_swedish_way(swedish):
    assert format_number(1420) == f"1{NBSP}420"
    assert format_number(1234.5) == f"1{NBSP}234,5"
    assert format_number(57.0) == "57"
    assert format_number(0.125) == "0,125"
    assert format_number(-7.0) == "\u22127", "Swedish writes a real minus sign"
    assert format_number(None) == ""


def test_the_chart_axis_has_round_steps_and_room_around_the_values():
    axis = nice_axis(46, 67)
    assert (axis.low, axis.high, axis.step) == (45, 70, 5)
    assert axis.ticks() == [45, 50, 55, 60, 65, 70]
    axis = nice_axis(1200, 1420)
    assert axis.low <= 1200 and axis.high >= 1420 and axis.step == 50
    assert nice_axis(20, 60).low == 0, "a share 20–60 % is drawn from zero"
    assert nice_axis(5, 5).low < 5 < nice_axis(5, 5).high


# --- the lägesbild's sources ------------------------------------------------------------------------
def test_source_model_lists_the_sources_in_order(demo_services, swedish):
    agreement_id = solna(demo_services)
    demo_services.walks.add_source(agreement_id, text="Polisens trygghetsmätning 2021")
    second = demo_services.walks.add_source(agreement_id, text="Anmälda brott 2019–2021")
    model = SourceTableModel()
    model.set_rows(demo_services.walks.list_sources(agreement_id))

    assert headers(model) == ["Källa"]
    assert model.rowCount() == 2
    assert [model.index(r, 0).data() for r in range(2)] == ["Polisens trygghetsmätning 2021", "Anmälda brott 2019–2021"]
    assert model.index(1, 0).data(ID_ROLE) == second.id
    assert model.row_of(second.id) == 1
    assert model.index(1, 0).data(TOOLTIP) == "Anmälda brott 2019–2021"


# --- indicators -----------------------------------------------------------------------------------
def test_indicator_links_show_baseline_target_latest_value_and_trend(demo_services, swedish):
    agreement_id = solna(demo_services)
    first, second = add_indicators(demo_services, agreement_id)
    model = IndicatorLinkTableModel()
    model.set_rows(demo_services.indicators.list_for_agreement(agreement_id))

    assert headers(model) == [
        "Indikator", "Enhet", "Källa", "Riktning", "Utgångsläge", "Mål", "Senaste värde", "Utveckling",
    ]
    assert model.rowCount() == 2
    assert row(model, 0) == [
        SAFE, "%", "Polisens trygghetsmätning", "Högre är bättre", "57 (2021)", "67", "64 (2022)", "Bättre",
    ]
    # lower is better: 1 420 → 1 234,5 is better, and below the target 1 300
    assert row(model, 1) == [
        DAMAGE, "per 100 000 inv.", "Anmälda brott", "Lägre är bättre", f"1{NBSP}420 (2020)", f"1{NBSP}300",
        f"1{NBSP}234,5 (2022)", "Bättre, målet nått",
    ]
    assert model.index(0, 0).data(ID_ROLE) == first
    assert model.index(1, 0).data(RECORD_ROLE).id == second
    trend_tip = model.index(0, IndicatorLinkTableModel.TREND).data(TOOLTIP)
    assert "Förändring sedan utgångsläget: +7 (57 → 64)" in trend_tip
    assert "Målet är inte nått ännu." in trend_tip
    assert model.index(0, IndicatorLinkTableModel.TARGET).data(TOOLTIP) == "Två av tre känner sig trygga"
    colour = model.index(0, IndicatorLinkTableModel.TREND).data(Qt.ItemDataRole.ForegroundRole).color()
    assert colour == VERDICT_COLOURS[Verdict.BETTER]
    alignment = model.index(0, IndicatorLinkTableModel.BASELINE).data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight


def test_an_indicator_without_a_later_value_has_nothing_to_compare_with(demo_services, swedish):
    agreement_id = solna(demo_services)
    made = demo_services.indicators.create_indicator(name="Antal trygghetsvandringar", unit="antal",
                                                     source="activity_count", direction="higher_is_better")
    demo_services.indicators.set_value(made.id, period="2021", value=4)
    demo_services.indicators.link_to_agreement(agreement_id, made.id, baseline_period="2021", target_text="Fler")
    model = IndicatorLinkTableModel()
    model.set_rows(demo_services.indicators.list_for_agreement(agreement_id))

    assert row(model, 0)[4:] == ["4 (2021)", "Fler", "4 (2021)", "Inget att jämföra med"]
    assert model.index(0, IndicatorLinkTableModel.TREND).data(Qt.ItemDataRole.ForegroundRole) is None
    assert "Inget värde efter utgångslägets period ännu." in model.index(0, IndicatorLinkTableModel.TREND).data(TOOLTIP)


def test_register_and_value_models(demo_services, swedish):
    add_indicators(demo_services, solna(demo_services))
    register = IndicatorTableModel()
    register.set_rows(demo_services.indicators.list_indicators())

    assert headers(register) == ["Namn", "Kategori", "Källa", "Enhet", "Riktning", "Område", "Uppdelad på kön"]
    assert [register.index(r, 0).data() for r in range(register.rowCount())] == [DAMAGE, SAFE]  # by category
    assert row(register, 0) == [DAMAGE, "Anmälda brott", "Anmälda brott", "per 100 000 inv.", "Lägre är bättre",
                                "Hela kommunen", "Nej"]
    assert row(register, 1)[5] == "Hagalund"

    values = IndicatorValueTableModel()
    values.set_rows(demo_services.indicators.list_values(register.record_at(0).id))
    assert headers(values) == ["Period", "Kön", "Värde"]
    assert [row(values, r) for r in range(values.rowCount())] == [
        ["2020", "Totalt", f"1{NBSP}420"], ["2021", "Totalt", f"1{NBSP}310"], ["2022", "Totalt", f"1{NBSP}234,5"],
    ]


# --- safety walks ---------------------------------------------------------------------------------
def test_walk_and_finding_models(demo_services, swedish):
    agreement_id = solna(demo_services)
    walk = demo_services.walks.create_walk(agreement_id, walked_on=date(2021, 10, 12), place="Hagalund centrum",
                                           participants="Solna stad\nLokalpolisområde Solna")
    dark = demo_services.walks.add_finding(walk.id, text="Gångvägen är mörk\nflera lampor är trasiga")
    demo_services.walks.add_finding(walk.id, text="Klotter vid busshållplatsen")
    demo_services.signoff.new_revision(agreement_id)
    promise = demo_services.plan.list_promises(agreement_id)[0]
    demo_services.walks.turn_finding_into_measure(dark.id, promise_id=promise.id, title="Laga belysningen")

    walks = WalkTableModel()
    walks.set_rows(demo_services.walks.list_walks(agreement_id))
    assert headers(walks) == ["Datum", "Plats", "Deltagare", "Iakttagelser"]
    assert row(walks, 0) == ["2021-10-12", "Hagalund centrum", "Solna stad, Lokalpolisområde Solna", "2"]
    assert walks.index(0, WalkTableModel.PARTICIPANTS).data(TOOLTIP) == "Solna stad\nLokalpolisområde Solna"
    assert walks.index(0, WalkTableModel.FINDINGS).data(TOOLTIP) == "2 iakttagelser, varav 1 gjorda till åtgärder"

    findings = FindingTableModel()
    findings.set_rows(list(walks.record_at(0).findings))
    assert headers(findings) == ["Iakttagelse", "Plats", "Status", "Åtgärd"]
    assert row(findings, 0) == ["Gångvägen är mörk flera lampor är trasiga", "", "Öppen", "Laga belysningen"]
    assert row(findings, 1) == ["Klotter vid busshållplatsen", "", "Öppen", ""]
    assert findings.index(0, FindingTableModel.TEXT).data(TOOLTIP) == "Gångvägen är mörk\nflera lampor är trasiga"
    assert findings.index(1, FindingTableModel.MEASURE).data(TOOLTIP) == "Inte gjord till åtgärd ännu"


# --- the import preview ---------------------------------------------------------------------------
def test_import_models_show_the_rows_or_the_errors(services, swedish):
    good = "\ufeffIndikator;Period;Värde\r\nTrygghet;2021;57\r\nTrygghet;2022;\"64,5\"\r\n".encode()
    preview = services.indicator_import.preview(good, "trygghet.csv")
    rows = ImportRowTableModel()
    rows.set_rows(list(preview.rows))
    assert headers(rows) == ["Rad", "Indikator", "Period", "Kön", "Värde", "Ersätter"]
    assert [row(rows, r) for r in range(rows.rowCount())] == [
        ["2", "Trygghet", "2021", "Totalt", "57", ""], ["3", "Trygghet", "2022", "Totalt", "64,5", ""],
    ]

    bad = "Indikator;Period;Värde\nTrygghet;2021;57\nTrygghet;2022;12,3,4\nTrygghet;20x2;1\n".encode()
    preview = services.indicator_import.preview(bad, "fel.csv")
    errors = ImportErrorTableModel()
    errors.set_rows(list(preview.errors))
    assert headers(errors) == ["Rad", "Kolumn", "Fel"]
    assert errors.rowCount() == 2
    assert row(errors, 0)[:2] == ["Rad 3", "Värde"]
    assert "12,3,4" in row(errors, 0)[2]
    assert row(errors, 1)[:2] == ["Rad 4", "Period"]

    empty = services.indicator_import.preview(b"", "tom.csv")
    errors.set_rows(list(empty.errors))
    assert row(errors, 0) == ["Hela filen", "", "Filen är tom."]
