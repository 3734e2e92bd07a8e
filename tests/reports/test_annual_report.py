"""The annual (final) report: every period side by side, what was completed, what carries over."""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import dataclass
from datetime import date

import pdfua
import pikepdf
import pytest

from promises_app.domain.counts import period_counts
from promises_app.domain.enums import FollowUpStatus
from promises_app.domain.validation import ValidationError
from promises_app.domain.vocabulary import swedish
from promises_app.reports import annual_content as a
from promises_app.reports.annual_content import build_annual_content
from promises_app.reports.annual_pdf import render_annual_pdf
from promises_app.reports.followup_content import build_followup_content
from promises_app.reports.followup_pdf import render_followup_pdf
from promises_app.reports.report_options import AnnualOptions, AnnualSection, FollowUpOptions, Orientation
from promises_app.services import Services
from promises_app.storage.database import open_database
from tests.cli_support import run_cli
from tests.reports.pdf_text import assert_in_order, flat_text, link_annotations, page_texts, reader

SOLNA = "Solna – medborgarlöften 2022"
HELSINGBORG = "Helsingborg"
TODAY = date(2023, 1, 15)
FOOTER = re.compile(r"Sida \d+ av \d+ · Rapportdatum 2023-01-15 · Fingeravtryck ([0-9a-f]{12})(?: · Logg (\d+):([0-9a-f]{12}))?")


def squash(text: str) -> str:
    return "".join(text.split())


def segment(text: str, start: str, end: str | None) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin) if end else len(text)]


@dataclass(frozen=True)
class Rendered:
    services: Services
    agreement_id: int
    content: a.AnnualContent
    pdf: bytes
    text: str


@pytest.fixture(scope="module")
def demo(_templates, tmp_path_factory) -> Services:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("annual") / "demo.sqlite"
    shutil.copyfile(_templates["demo"], path)
    database = open_database(path)
    yield Services(database)
    database.close()


@pytest.fixture(scope="module")
def solna(demo: Services) -> Rendered:
    agreement_id = next(x.id for x in demo.agreements.list_agreements() if x.title == SOLNA)
    options = AnnualOptions(next_steps="Det som förs över tas upp i 2023 års löften.")
    content = build_annual_content(demo, agreement_id, today=TODAY, options=options)
    pdf = render_annual_pdf(content, options)
    return Rendered(demo, agreement_id, content, pdf, flat_text(pdf))


def test_the_matrix_shows_t1_and_t2_per_measure_and_dashes_for_t3(solna: Rendered) -> None:
    facts = solna.services.follow_ups.measure_facts(solna.agreement_id)
    matrix = squash(segment(solna.text, a.HEADING_MATRIX, a.HEADING_COMPLETED))
    assert_in_order(matrix, ["T12022", "T22022", "T32022"])
    items = []
    for measure in facts.measures:
        t1, t2 = measure.follow_ups["2022-T1"], measure.follow_ups["2022-T2"]
        items += [squash(measure.title), squash(swedish(t1.status)), squash(swedish(t2.status)), "–"]
    assert_in_order(matrix, items)
    cells = [row.cells for group in solna.content.matrix for row in group.rows]
    assert len(cells) == 7
    for measure, row in zip(facts.measures, cells, strict=True):
        t1 = measure.follow_ups["2022-T1"]
        # The period's own result by the one count rule (domain/counts.py).
        counted = period_counts(facts.periods, {"2022-T1": t1.count_achieved}, measure.occurrences)["2022-T1"]
        count = f"denna period {counted.this_period}" if counted.this_period is not None else ""
        assert row[0] == a.MatrixCell(swedish(t1.status), t1.light.value, count)
        assert row[1].text == swedish(measure.follow_ups["2022-T2"].status)
        assert row[2] == a.MatrixCell("–", "none")


def test_completed_and_carried_over_for_the_demo(solna: Rendered) -> None:
    facts = solna.services.follow_ups.measure_facts(solna.agreement_id)
    done = [m.title for m in facts.measures if m.follow_ups["2022-T2"].status is FollowUpStatus.DONE]
    assert len(done) == 2
    completed = squash(segment(solna.text, a.HEADING_COMPLETED, a.HEADING_CARRY_OVER))
    carried = squash(segment(solna.text, a.HEADING_CARRY_OVER, a.HEADING_MOVED))
    for measure in facts.measures:
        title = squash(measure.title)
        assert (title in completed) == (measure.title in done), measure.title
        assert (title in carried) == (measure.title not in done), measure.title
    assert [m.title for m in solna.content.completed] == done
    assert len(solna.content.carry_over) == 5
    # What carries over says where it stood and the latest comment, for next year's planning.
    partly = next(m for m in facts.measures if m.follow_ups["2022-T2"].status is FollowUpStatus.PARTLY_DONE)
    assert_in_order(carried, [squash(partly.title), squash("Delvis genomförd (T2 2022)"),
                              squash(partly.follow_ups["2022-T2"].comment)])
    assert "Genomförda 2" in solna.text and "Förs över 5" in solna.text


def test_counts_per_period_equal_the_period_summaries(solna: Rendered) -> None:
    for index, label in enumerate(["2022-T1", "2022-T2", "2022-T3"]):
        summary = solna.services.follow_ups.period_summary(solna.agreement_id, label, today=TODAY)
        counts = {line.label: line.counts[index] for line in solna.content.status_counts}
        for status, count in summary.by_status:
            assert counts[swedish(status) if status else "Ej rapporterad"] == count
        assert counts["Totalt"] == summary.total == 7
    assert "Status T1 2022 T2 2022 T3 2022 Pågående 7 4 0 Genomförd 0 2 0" in solna.text


def test_landscape_by_default_portrait_on_request(solna: Rendered) -> None:
    assert all(p.mediabox.width > p.mediabox.height for p in reader(solna.pdf).pages)
    options = AnnualOptions(orientation=Orientation.PORTRAIT)
    pdf = render_annual_pdf(solna.content, options)
    assert all(p.mediabox.width < p.mediabox.height for p in reader(pdf).pages)


def test_same_data_same_bytes_and_a_fingerprinted_footer(solna: Rendered) -> None:
    options = AnnualOptions(next_steps="Det som förs över tas upp i 2023 års löften.")
    again = build_annual_content(solna.services, solna.agreement_id, today=TODAY, options=options)
    assert render_annual_pdf(again, options) == solna.pdf
    pages = page_texts(solna.pdf)
    assert {FOOTER.search(p).group(1) for p in pages} == {solna.content.fingerprint}
    assert "Årsrapport 2022" in pages[0]
    assert link_annotations(solna.pdf) == []


def test_next_steps_and_sections(solna: Rendered) -> None:
    assert_in_order(solna.text, [a.HEADING_NEXT_STEPS, "Det som förs över tas upp i 2023 års löften."])
    options = AnnualOptions(sections=frozenset({AnnualSection.CARRY_OVER}))
    content = build_annual_content(solna.services, solna.agreement_id, today=TODAY, options=options)
    text = flat_text(render_annual_pdf(content, options))
    assert a.HEADING_CARRY_OVER in text
    for heading in (a.HEADING_MATRIX, a.HEADING_COMPLETED, a.HEADING_SUMMARY, a.HEADING_NEXT_STEPS):
        assert heading not in text


def test_a_five_year_agreement_has_a_column_per_year(demo: Services) -> None:
    agreement_id = next(x.id for x in demo.agreements.list_agreements() if HELSINGBORG in x.title)
    content = build_annual_content(demo, agreement_id, today=TODAY, options=AnnualOptions())
    assert [p.short for p in content.periods] == ["2018", "2019", "2020", "2021", "2022"]
    assert content.heading == "Slutrapport 2018–2022"
    text = flat_text(render_annual_pdf(content))
    assert "Åtgärd Ansvarig Klart senast Utfall 2018 2019 2020 2021 2022" in text  # counted measures: a result column


def test_many_periods_split_the_matrix_across_tables(services: Services) -> None:
    agreement = services.agreements.create_agreement(
        kind="citizen_promise", title="Kvartal 2020–2025", start_date="2020-01-01", end_date="2025-12-31",
        reporting_scheme="quarter",
    )
    police = services.register.create_organisation(name="Polisen", kind="police")
    services.agreements.add_party(agreement.id, organisation_id=police.id)
    promise = services.plan.create_promise(agreement.id, text="synas", maker_ids=[police.id])
    measure = services.plan.create_measure(promise_id=promise.id, title="Fotpatrullering <b>&</b>",
                                           responsible_id=police.id)
    services.follow_ups.record(measure.id, period="2020-Q1", status="in_progress", light="green")
    services.follow_ups.record(measure.id, period="2025-Q4", status="done", light="green")
    content = build_annual_content(services, agreement.id, today=date(2026, 1, 10), options=AnnualOptions())
    assert len(content.periods) == 24 and content.matrix_legend
    pdf = render_annual_pdf(content)
    text = flat_text(pdf)
    parts = re.findall(r"Perioder (Q\d \d{4}) – (Q\d \d{4})", text)
    assert len(parts) >= 2 and parts[0][0] == "Q1 2020" and parts[-1][1] == "Q4 2025"
    assert text.count("Fotpatrullering <b>&</b>") >= len(parts)
    assert "Pågår" in text and "Klar" in text
    assert [m.title for m in content.completed] == ["Fotpatrullering <b>&</b>"]


def test_cli_writes_the_annual_report(demo_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out_file = tmp_path / "ar.pdf"
    code, out, err = run_cli(capsys, "--db", str(demo_db), "report", "annual", SOLNA, "--today", "2023-01-15",
                             "-o", str(out_file))
    assert code == 0, err
    pdf = out_file.read_bytes()
    assert "Årsrapport 2022" in flat_text(pdf) and str(out_file) in out
    assert all(p.mediabox.width > p.mediabox.height for p in reader(pdf).pages)
    portrait = tmp_path / "ar-stående.pdf"
    code, _, err = run_cli(capsys, "--db", str(demo_db), "report", "annual", SOLNA, "--portrait", "--no-logos",
                           "-o", str(portrait))
    assert code == 0, err
    assert all(p.mediabox.width < p.mediabox.height for p in reader(portrait.read_bytes()).pages)


def test_cli_unknown_agreement_writes_nothing(demo_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out_file = tmp_path / "nej.pdf"
    code, _, err = run_cli(capsys, "--db", str(demo_db), "report", "annual", "Finns inte", "-o", str(out_file))
    assert code == 1 and "Ingen överenskommelse matchar" in err and not out_file.exists()


def test_indicator_trends_cover_the_whole_agreement(demo_services: Services) -> None:
    agreement_id = next(x.id for x in demo_services.agreements.list_agreements() if x.title == SOLNA)
    indicator = demo_services.indicators.create_indicator(name="Anmälda skadegörelsebrott", unit="antal",
                                                          direction="lower_is_better", source="reported_crime")
    for period, value in [("2021", 1234), ("2022", 1100), ("2023", 900)]:
        demo_services.indicators.set_value(indicator.id, period=period, value=value)
    demo_services.indicators.link_to_agreement(agreement_id, indicator.id, baseline_period="2021", target_value=1000)
    content = build_annual_content(demo_services, agreement_id, today=TODAY, options=AnnualOptions())
    item = next(i for i in content.indicators if i.name == "Anmälda skadegörelsebrott")
    assert item.columns == ("2021", "2022")  # 2023 lies after the agreement
    assert item.trend == "Bättre: 1 234 (2021) → 1 100 (2022). Målet är inte nått."
    text = segment(flat_text(render_annual_pdf(content)), a.HEADING_INDICATORS, None)
    assert "Period 2021 2022 Totalt 1 234 1 100" in text and item.trend in text


# --- what a report covers: a year, the whole agreement, or one summer (report_scope) ------------------
def two_year_agreement(services: Services, *, scheme: str = "tertial", start: str = "2023-01-01",
                       end: str = "2024-12-31", title: str = "Norrstad 2023–2024") -> tuple[int, int]:
    """An agreement with one measure (and the measure's id)."""
    agreement = services.agreements.create_agreement(
        kind="citizen_promise", title=title, start_date=start, end_date=end, reporting_scheme=scheme,
        municipality="Norrstads kommun", police_area="LPO Norrstad",
    )
    police = services.register.create_organisation(name="Polisregion Mitt", kind="police")
    services.agreements.add_party(agreement.id, organisation_id=police.id)
    promise = services.plan.create_promise(agreement.id, text="synas i centrum", maker_ids=[police.id])
    measure = services.plan.create_measure(promise_id=promise.id, title="Fotpatrullering i centrum",
                                           responsible_id=police.id)
    return agreement.id, measure.id


def test_a_report_inside_a_two_year_agreement_is_that_years_report(services: Services) -> None:
    agreement_id, measure_id = two_year_agreement(services)
    services.follow_ups.record(measure_id, period="2023-T1", status="in_progress", light="green")
    services.follow_ups.record(measure_id, period="2023-T2", status="in_progress", light="yellow")
    content = build_annual_content(services, agreement_id, today=date(2023, 10, 2), options=AnnualOptions())
    assert content.heading == "Årsrapport 2023"
    # The periods begun by the report day; the running one is not yet due, the ones to come are left out.
    assert [p.short for p in content.periods] == ["T1 2023", "T2 2023", "T3 2023 (pågår)"]
    assert [c.text for c in content.matrix[0].rows[0].cells] == ["Pågående", "Pågående", a.NOT_DUE_CELL]
    lines = {line.label: line.counts for line in content.status_counts}
    assert lines[a.NOT_DUE] == (0, 0, 1) and "Ej rapporterad" not in lines
    bars = {series.label: series.values for series in content.chart.series}
    assert bars == {"Grön": (1, 0, 0), "Gul": (0, 1, 0), "Ej ännu rapporterad": (0, 0, 1)}
    text = flat_text(render_annual_pdf(content))
    assert "Årsrapport 2023" in text and "Slutrapport" not in text and "T3 2023 (pågår)" in text
    assert "Rapporten gäller 2023" in text and "2024" not in segment(text, a.HEADING_SUMMARY, a.HEADING_MATRIX)
    # Where the agreement applies is printed under the heading: the municipality and the police area.
    assert "Kommun Norrstads kommun Lokalpolisområde LPO Norrstad" in text


def test_a_chosen_year_and_the_final_report_once_the_agreement_has_ended(services: Services) -> None:
    agreement_id, measure_id = two_year_agreement(services)
    services.follow_ups.record(measure_id, period="2024-T3", status="done", light="green")
    after = date(2025, 1, 20)
    year = build_annual_content(services, agreement_id, today=after, options=AnnualOptions(year=2024))
    assert year.heading == "Årsrapport 2024" and [p.short for p in year.periods] == ["T1 2024", "T2 2024", "T3 2024"]
    final = build_annual_content(services, agreement_id, today=after, options=AnnualOptions())
    assert final.heading == "Slutrapport 2023–2024" and len(final.periods) == 6
    # Periods that have ended without a report are not reported, and counted so.
    assert [c.text for c in final.matrix[0].rows[0].cells] == ["–"] * 5 + ["Genomförd"]
    with pytest.raises(ValidationError) as refused:
        build_annual_content(services, agreement_id, today=after, options=AnnualOptions(year=2022))
    assert refused.value.for_field("year") == [
        "Året 2022 ligger utanför överenskommelsen, som gäller 1 januari 2023 – 31 december 2024: "
        "välj ett år från 2023 till 2024."
    ]


def test_a_one_summer_agreement_is_reported_on_by_its_dates(services: Services) -> None:
    agreement_id, measure_id = two_year_agreement(
        services, scheme="whole_period", start="2025-06-01", end="2025-08-31", title="Sommarlöfte 2025")
    services.follow_ups.record(measure_id, period="2025-06-01/2025-08-31", status="done", light="green")
    during = build_annual_content(services, agreement_id, today=date(2025, 7, 10), options=AnnualOptions())
    assert during.heading == "Lägesrapport 1 juni – 31 augusti 2025"
    after = build_annual_content(services, agreement_id, today=date(2025, 9, 5), options=AnnualOptions())
    assert after.heading == "Slutrapport 1 juni – 31 augusti 2025"
    text = flat_text(render_annual_pdf(after))
    assert "Slutrapport 1 juni – 31 augusti 2025" in text and "Årsrapport" not in text
    assert "2025-06-01/2025-08-31" not in text and "Hela perioden 2025-06-01" not in text
    # The follow-up report of the one period is titled and dated the same way.
    followup = build_followup_content(services, agreement_id, "2025-06-01/2025-08-31", today=date(2025, 9, 5),
                                      options=FollowUpOptions())
    text = flat_text(render_followup_pdf(followup, FollowUpOptions()))
    assert "Uppföljning 1 juni – 31 augusti 2025" in text and "Period 1 juni – 31 augusti 2025 " in text
    assert "2025-06-01/2025-08-31" not in text and "Hela perioden" not in text


def test_cli_year_option(services: Services, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    agreement_id, measure_id = two_year_agreement(services)
    services.follow_ups.record(measure_id, period="2023-T1", status="in_progress", light="green")
    db_path = services.db.path
    services.db.close()
    out_file = tmp_path / "2023.pdf"
    code, out, err = run_cli(capsys, "--db", str(db_path), "report", "annual", "Norrstad", "--year", "2023",
                             "--today", "2025-02-01", "-o", str(out_file))
    assert code == 0, err
    assert "Årsrapport 2023" in out and "Årsrapport 2023" in flat_text(out_file.read_bytes())
    refused = tmp_path / "2030.pdf"
    code, _, err = run_cli(capsys, "--db", str(db_path), "report", "annual", "Norrstad", "--year", "2030",
                           "-o", str(refused))
    assert code == 1 and "Året 2030 ligger utanför överenskommelsen" in err and not refused.exists()
    with pytest.raises(SystemExit) as usage:  # refused by the argument parser, before anything is opened
        run_cli(capsys, "--db", str(db_path), "report", "annual", "Norrstad", "--year", "tjugo", "-o", str(refused))
    assert usage.value.code == 2 and "--year ska vara ett heltal" in capsys.readouterr().err
    assert not refused.exists()


def test_counted_results_per_period_in_total_and_in_the_follow_up_report(services: Services) -> None:
    agreement_id, measure_id = two_year_agreement(services)
    counted = services.plan.create_measure(
        promise_id=services.plan.list_promises(agreement_id)[0].id, title="Hastighetskontroller",
        responsible_id=services.agreements.list_parties(agreement_id)[0].organisation_id,
        target_count=150, target_unit="kontroller",
    )
    services.follow_ups.record(counted.id, period="2023-T1", status="in_progress", light="green", count_achieved=37)
    services.follow_ups.record(counted.id, period="2023-T2", status="in_progress", light="yellow")  # no count
    services.follow_ups.record(measure_id, period="2023-T2", status="in_progress", light="green")
    # The follow-up report of T2: the count known so far, and the period it was reported for.
    t2 = build_followup_content(services, agreement_id, "2023-T2", today=date(2023, 9, 1), options=FollowUpOptions())
    row = next(r for g in t2.groups for r in g.rows if r.title == "Hastighetskontroller")
    assert row.target == "hittills 37 av 150 kontroller (rapporterat T1 2023)"
    assert row.this_period == "denna period –"
    followup_text = flat_text(render_followup_pdf(t2, FollowUpOptions()))
    assert "hittills 37 av 150 kontroller (rapporterat T1 2023)" in followup_text
    assert "denna period –" in followup_text
    assert "Kommun Norrstads kommun Lokalpolisområde LPO Norrstad" in followup_text
    plain = next(r for g in t2.groups for r in g.rows if r.title == "Fotpatrullering i centrum")
    assert plain.target == ""
    # The annual report: the count per period it was reported for, and the result so far.
    content = build_annual_content(services, agreement_id, today=date(2024, 1, 10), options=AnnualOptions(year=2023))
    rows = {r.title: r for g in content.matrix for r in g.rows}
    assert [c.count for c in rows["Hastighetskontroller"].cells] == ["denna period 37", "", ""]
    assert rows["Hastighetskontroller"].result == "hittills 37 av 150 kontroller (rapporterat T1 2023)\ndenna period –"
    assert rows["Fotpatrullering i centrum"].result == ""
    text = flat_text(render_annual_pdf(content))
    matrix = segment(text, a.HEADING_MATRIX, a.HEADING_COMPLETED)
    assert "Utfall" in matrix and "hittills 37 av 150 kontroller (rapporterat T1 2023)" in matrix
    assert "denna period 37" in matrix and "denna period –" in matrix
    # With no counted measure the column is left out.
    services.plan.delete_measure(counted.id)
    plain_content = build_annual_content(services, agreement_id, today=date(2024, 1, 10), options=AnnualOptions(year=2023))
    assert "Utfall" not in segment(flat_text(render_annual_pdf(plain_content)), a.HEADING_MATRIX, a.HEADING_COMPLETED)


# --- accessible: tagged PDF/UA, charts with their numbers, no empty columns (issue 13) ---------------
def figure_alt_texts(pdf: bytes) -> list[str]:
    """The alternative texts of the figures in the PDF's structure tree (what a screen reader reads)."""
    texts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, pikepdf.Dictionary):
            if node.get("/S") == "/Figure" and "/Alt" in node:
                texts.append(str(node.Alt))
            if "/K" in node:
                walk(node.K)
        elif isinstance(node, pikepdf.Array):
            for item in node:
                walk(item)

    with pikepdf.open(io.BytesIO(pdf)) as document:
        walk(document.Root.StructTreeRoot)
    return texts


def counted_agreement(services: Services) -> int:
    """The two-year agreement with a counted measure and follow-ups in 2023's first two tertials."""
    agreement_id, measure_id = two_year_agreement(services)
    counted = services.plan.create_measure(
        promise_id=services.plan.list_promises(agreement_id)[0].id, title="Hastighetskontroller",
        responsible_id=services.agreements.list_parties(agreement_id)[0].organisation_id,
        deadline="2024-06-30", target_count=150, target_unit="kontroller",
    )
    services.follow_ups.record(counted.id, period="2023-T1", status="in_progress", light="green", count_achieved=37)
    services.follow_ups.record(measure_id, period="2023-T1", status="not_started", light="red")
    services.follow_ups.record(measure_id, period="2023-T2", status="in_progress", light="yellow",
                               comment="Fler pass på helgerna 🚓 efter sommaren.")
    return agreement_id


@pytest.mark.parametrize("orientation", [Orientation.LANDSCAPE, Orientation.PORTRAIT])
def test_a_small_agreements_annual_report_passes_the_pdf_ua_check(
    services: Services, tmp_path, orientation: Orientation  # type: ignore[no-untyped-def]
) -> None:
    agreement_id = counted_agreement(services)
    options = AnnualOptions(orientation=orientation, next_steps="Vi fortsätter.\n\nOch följer upp.")
    content = build_annual_content(services, agreement_id, today=date(2023, 10, 2), options=options)
    path = tmp_path / "årsrapport.pdf"
    path.write_bytes(render_annual_pdf(content, options))
    report = pdfua.validate(str(path))
    assert report.exit_code == 0 and list(report.findings) == []


def test_the_chart_has_alternative_text_and_its_numbers_in_a_table(services: Services) -> None:
    agreement_id = counted_agreement(services)
    content = build_annual_content(services, agreement_id, today=date(2023, 10, 2), options=AnnualOptions())
    pdf = render_annual_pdf(content)
    (alt,) = figure_alt_texts(pdf)
    assert alt.startswith("Staplar: antal åtgärder per period (T1 2023, T2 2023, T3 2023 (pågår))")
    assert "(Grön, Gul, Röd, Ej rapporterad, Ej ännu rapporterad)" in alt
    # The chart's numbers are a table a screen reader (and a person copying them) can read.
    text = segment(flat_text(pdf), a.HEADING_SUMMARY, a.HEADING_MATRIX)
    assert ("Trafikljus T1 2023 T2 2023 T3 2023 (pågår) Grön 1 0 0 Gul 0 1 0 Röd 1 0 0 "
            "Ej rapporterad 0 1 0 Ej ännu rapporterad 0 0 2") in text


def test_columns_empty_in_the_whole_report_are_left_out(services: Services) -> None:
    agreement_id, measure_id = two_year_agreement(services)  # no deadline, no count, no comment
    services.follow_ups.record(measure_id, period="2023-T1", status="in_progress", light="green")
    options = AnnualOptions(year=2023)
    text = flat_text(render_annual_pdf(build_annual_content(services, agreement_id, today=date(2024, 1, 10),
                                                            options=options)))
    matrix = segment(text, a.HEADING_MATRIX, a.HEADING_COMPLETED)
    carried = segment(text, a.HEADING_CARRY_OVER, a.HEADING_MOVED)
    assert "Åtgärd Ansvarig T1 2023 T2 2023 T3 2023" in matrix
    assert "Åtgärd Ansvarig Senast rapporterat Fotpatrullering" in carried
    for column in ("Klart senast", "Utfall", "Senaste kommentar"):
        assert column not in text


def test_a_deadline_or_a_comment_anywhere_keeps_its_column(services: Services) -> None:
    agreement_id = counted_agreement(services)  # one measure with a deadline, one with a comment
    text = flat_text(render_annual_pdf(build_annual_content(services, agreement_id, today=date(2024, 1, 10),
                                                            options=AnnualOptions(year=2023))))
    assert "Åtgärd Ansvarig Klart senast Utfall T1 2023" in segment(text, a.HEADING_MATRIX, a.HEADING_COMPLETED)
    assert_in_order(segment(text, a.HEADING_CARRY_OVER, a.HEADING_MOVED), [
        "Åtgärd Ansvarig Klart senast Senast rapporterat Senaste kommentar",
        "Fotpatrullering i centrum Polisregion Mitt Pågående (T2 2023) Fler pass på helgerna 🚓 efter sommaren.",
        "Hastighetskontroller Polisregion Mitt 2024-06-30",
    ])


def test_what_looks_like_typst_markup_prints_as_written(services: Services) -> None:
    written = ['#image("/etc/passwd")', "*fet* _kursiv_ $x^2$", "<etikett> @ref \\ ] ) }"]
    agreement_id, measure_id = two_year_agreement(services)
    services.plan.update_measure(measure_id, title=written[0])
    services.follow_ups.record(measure_id, period="2023-T1", status="not_done", light="red", comment=written[1])
    options = AnnualOptions(year=2023, next_steps=written[2])
    pdf = render_annual_pdf(build_annual_content(services, agreement_id, today=date(2024, 1, 10), options=options))
    text = flat_text(pdf)
    assert text.count(written[0]) == 2 and written[1] in text and written[2] in text  # matrix, carried over
    assert figure_alt_texts(pdf) and link_annotations(pdf) == []


def test_a_word_wider_than_its_column_is_broken_inside_it_not_run_over_the_next(services: Services) -> None:
    agreement_id, measure_id = two_year_agreement(services)
    word = "å" * 300  # the longest title a measure takes, without a space
    link = "https://polisen.se/" + "x" * 150
    services.plan.update_measure(measure_id, title=word)
    services.follow_ups.record(measure_id, period="2023-T1", status="in_progress", light="green", comment=link)
    pdf = render_annual_pdf(build_annual_content(services, agreement_id, today=date(2024, 1, 10),
                                                 options=AnnualOptions(year=2023)))
    lines = [line for page in page_texts(pdf) for line in page.splitlines()]
    pieces = [len(run) for line in lines for run in re.findall("å{10,}", line)]
    assert sum(pieces) == 2 * len(word)  # in the matrix and carried over
    assert max(pieces) < len(word) // 2  # on several lines of its column
    pieces = [len(run) for line in lines for run in re.findall("x{10,}", line)]
    assert sum(pieces) == 150 and len(pieces) > 1
