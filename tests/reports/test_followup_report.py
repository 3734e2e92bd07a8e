"""The follow-up report for one reporting period: as reported then, numbers equal to period_summary.

The demo's report for 2022-T2 is rendered once for the module, after T3 follow-ups with other
statuses and comments have been recorded (so every check also shows that T3 never leaks into
a T2 report). Tests that change the plan use their own database (``demo_services``).
"""

from __future__ import annotations

import ast
import hashlib
import re
import shutil
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest

from promises_app.domain.enums import FollowUpStatus, TrafficLight
from promises_app.domain.period_summary import PeriodSummary
from promises_app.domain.vocabulary import swedish
from promises_app.reports import followup_content as c
from promises_app.reports.followup_content import build_followup_content, canonical_json
from promises_app.reports.followup_pdf import render_followup_pdf
from promises_app.reports.report_options import FollowUpOptions, FollowUpSection, Grouping, Orientation
from promises_app.services import Services
from promises_app.storage.database import open_database
from tests.cli_support import run_cli
from tests.reports.pdf_text import assert_in_order, flat_text, link_annotations, normalise, page_texts, reader

SOLNA = "Solna – medborgarlöften 2022"
TODAY = date(2022, 9, 1)
FOOTER = re.compile(r"Sida (\d+) av (\d+) · Rapportdatum (\d{4}-\d{2}-\d{2}) · Fingeravtryck ([0-9a-f]{12})(?: · Logg (\d+):([0-9a-f]{12}))?")
REPORTS = Path(__file__).resolve().parents[2] / "promises_app" / "reports"


def squash(text: str) -> str:
    """Text without any whitespace: immune to where a narrow column wrapped (or split) a line."""
    return "".join(text.split())


def segment(text: str, start: str, end: str | None) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin) if end else len(text)]


def solna_id(services: Services) -> int:
    return next(a.id for a in services.agreements.list_agreements() if a.title == SOLNA)


@dataclass(frozen=True)
class Rendered:
    services: Services
    agreement_id: int
    summary: PeriodSummary
    content: c.FollowUpContent
    pdf: bytes
    text: str
    t3_comments: tuple[str, ...]


@pytest.fixture(scope="module")
def demo(_templates, tmp_path_factory) -> Services:  # type: ignore[no-untyped-def]
    """The demo database for this module (tests here only read it, after the T3 recorded below)."""
    path = tmp_path_factory.mktemp("followup") / "demo.sqlite"
    shutil.copyfile(_templates["demo"], path)
    database = open_database(path)
    yield Services(database)
    database.close()


@pytest.fixture(scope="module")
def t2(demo: Services) -> Rendered:
    agreement_id = solna_id(demo)
    t3_comments = []
    for measure in demo.plan.list_measures(agreement_id):  # a later period, different in every way
        comment = f"Senare tertial {measure.id}: inställt"
        demo.follow_ups.record(measure.id, period="2022-T3", status=FollowUpStatus.CANCELLED_OR_POSTPONED,
                               light=TrafficLight.RED, count_achieved=9, comment=comment)
        t3_comments.append(comment)
    options = FollowUpOptions(next_steps="Trygghetsrådet går igenom belysningen i oktober.")
    content = build_followup_content(demo, agreement_id, "2022-T2", today=TODAY, options=options)
    pdf = render_followup_pdf(content, options)
    summary = demo.follow_ups.period_summary(agreement_id, "2022-T2", today=TODAY)
    return Rendered(demo, agreement_id, summary, content, pdf, flat_text(pdf), tuple(t3_comments))


# --- as reported for the period ---------------------------------------------------------------
def test_every_measure_shows_the_status_and_comment_recorded_for_t2(t2: Rendered) -> None:
    text = squash(segment(t2.text, c.HEADING_MEASURES, c.HEADING_MOVED))
    facts = t2.services.follow_ups.measure_facts(t2.agreement_id)
    assert len(facts.measures) == 7
    items = []
    for measure in facts.measures:
        reported = measure.follow_ups["2022-T2"]
        items += [squash(measure.title), squash(swedish(reported.status)), squash(swedish(reported.light)),
                  squash(reported.comment)]
        earlier = measure.follow_ups["2022-T1"].comment
        assert squash(earlier) not in text, earlier  # not T1's comment
    assert_in_order(text, items)
    for comment in t2.t3_comments:  # recorded later, for T3
        assert squash(comment) not in squash(t2.text)
    assert squash(swedish(FollowUpStatus.CANCELLED_OR_POSTPONED)) not in text


def test_target_against_actual_uses_the_count_reported_for_t2(t2: Rendered) -> None:
    walks = next(m for m in t2.summary.measures if m.facts.target_count)
    assert walks.reported is not None and walks.reported.count_achieved == 2
    assert "2 av 4 trygghetsvandringar" in t2.text
    assert "9 av 4" not in t2.text  # the count recorded for T3


def test_the_totals_printed_equal_the_period_summary(t2: Rendered) -> None:
    summary = t2.summary
    statuses = " ".join(f"{c.status_word(s)} {n}" for s, n in summary.by_status)
    lights = " ".join(f"{c.light_word(light)} {n}" for light, n in summary.by_light)
    assert f"Status Antal {statuses} Totalt {summary.total}" in t2.text
    assert f"Trafikljus Antal {lights} Totalt {summary.total}" in t2.text
    assert f"Antal åtgärder {summary.total}" in t2.text
    assert summary.total == 7 and sum(n for _s, n in summary.by_status) == 7
    # The content carries the same numbers the screen shows.
    assert [(r.label, r.count) for r in t2.content.by_status] == [
        (c.status_word(s), n) for s, n in summary.by_status
    ]


def test_the_overdue_list_is_the_one_measure_late_on_the_report_day(t2: Rendered) -> None:
    assert t2.summary.as_of == date(2022, 8, 31)
    overdue = segment(t2.text, f"{c.HEADING_OVERDUE} (per 31 augusti 2022)", c.HEADING_MISSING)
    late = [m.facts.title for m in t2.summary.overdue]
    assert len(late) == 1
    for m in t2.summary.measures:
        assert (squash(m.facts.title) in squash(overdue)) == (m.facts.title in late), m.facts.title
    assert "Delvis genomförd" in overdue  # its latest status
    # ... and it is marked in its measure table too.
    assert_in_order(squash(segment(t2.text, c.HEADING_MEASURES, c.HEADING_MOVED)),
                    [squash(late[0]), c.OVERDUE_MARK])


def test_nothing_is_missing_for_t2_in_the_demo(t2: Rendered) -> None:
    missing = segment(t2.text, c.HEADING_MISSING, c.HEADING_MEASURES)
    assert "Alla åtgärder som skulle följas upp har en uppföljning för perioden." in missing


def test_a_measure_without_a_t2_follow_up_is_listed_as_missing(demo_services: Services) -> None:
    agreement_id = solna_id(demo_services)
    follow_up = demo_services.follow_ups.list_for_agreement(agreement_id, period="2022-T2")[0]
    demo_services.follow_ups.delete(follow_up.id)
    title = demo_services.plan.get_measure(follow_up.measure_id).title
    content = build_followup_content(demo_services, agreement_id, "2022-T2", today=TODAY, options=FollowUpOptions())
    text = flat_text(render_followup_pdf(content))
    missing = segment(text, c.HEADING_MISSING, c.HEADING_MEASURES)
    assert squash(title) in squash(missing)
    assert_in_order(squash(segment(text, c.HEADING_MEASURES, c.HEADING_MOVED)),
                    [squash(title), squash("Ej rapporterad (senast: Pågående)")])
    summary = demo_services.follow_ups.period_summary(agreement_id, "2022-T2", today=TODAY)
    assert (None, 1) in summary.by_status and "Ej rapporterad 1" in text


# --- page furniture, reproducibility, options ------------------------------------------------
def test_footer_has_page_numbers_report_date_and_the_content_fingerprint(t2: Rendered) -> None:
    pages = page_texts(t2.pdf)
    footers = [FOOTER.search(page) for page in pages]
    assert all(footers), pages
    assert [(int(f.group(1)), int(f.group(2))) for f in footers] == [(i, len(pages)) for i in range(1, len(pages) + 1)]
    assert {f.group(3) for f in footers} == {"2022-09-01"}
    expected = hashlib.sha256(canonical_json(t2.content).encode()).hexdigest()[:12]
    assert t2.content.fingerprint == expected
    assert {f.group(4) for f in footers} == {expected}


def test_fingerprint_follows_the_data(t2: Rendered) -> None:
    changed = c.with_fingerprint(replace(t2.content, total=t2.content.total + 1))
    assert changed.fingerprint != t2.content.fingerprint


def test_same_data_and_options_give_the_same_bytes(t2: Rendered) -> None:
    options = FollowUpOptions(next_steps="Trygghetsrådet går igenom belysningen i oktober.")
    again = build_followup_content(t2.services, t2.agreement_id, "2022-T2", today=TODAY, options=options)
    assert again == t2.content
    assert render_followup_pdf(again, options) == t2.pdf


def test_portrait_by_default_and_landscape_on_request(t2: Rendered) -> None:
    for page in reader(t2.pdf).pages:
        assert page.mediabox.width < page.mediabox.height
    options = FollowUpOptions(orientation=Orientation.LANDSCAPE)
    pdf = render_followup_pdf(t2.content, options)
    pages = reader(pdf).pages
    assert pages and all(page.mediabox.width > page.mediabox.height for page in pages)
    assert normalise(FOOTER.sub(" ", flat_text(pdf))).count(t2.summary.measures[0].facts.title) >= 1


def test_title_page_names_the_agreement_period_and_dates(t2: Rendered) -> None:
    first = normalise(page_texts(t2.pdf)[0])
    for words in (SOLNA, "Uppföljning Tertial 2 2022", "1 maj – 31 augusti 2022 (2022-T2)",
                  "Rapportdatum 1 september 2022", c.HEADING_SUMMARY):
        assert words in first


def test_next_steps_is_its_own_section_only_when_given(t2: Rendered) -> None:
    assert_in_order(t2.text, [c.HEADING_NEXT_STEPS, "Trygghetsrådet går igenom belysningen i oktober."])
    content = build_followup_content(t2.services, t2.agreement_id, "2022-T2", today=TODAY,
                                     options=FollowUpOptions(next_steps="  \n "))
    assert c.HEADING_NEXT_STEPS not in flat_text(render_followup_pdf(content))


def test_sections_can_be_left_out(t2: Rendered) -> None:
    options = FollowUpOptions(sections=frozenset({FollowUpSection.MEASURES}))
    content = build_followup_content(t2.services, t2.agreement_id, "2022-T2", today=TODAY, options=options)
    text = flat_text(render_followup_pdf(content, options))
    assert c.HEADING_MEASURES in text
    for heading in (c.HEADING_SUMMARY, c.HEADING_OVERDUE, c.HEADING_MOVED):
        assert heading not in text


def test_grouped_by_focus_area(t2: Rendered) -> None:
    options = FollowUpOptions(group_by=Grouping.FOCUS_AREA)
    content = build_followup_content(t2.services, t2.agreement_id, "2022-T2", today=TODAY, options=options)
    order = ["Hagalund", "Västra skogen", "Ungdomar i riskzonen", "Trafik", c.NO_FOCUS_AREA]
    titles = [g.title for g in content.groups]
    assert titles == [name for name in order if name in titles] and len(titles) >= 2
    assert sum(len(g.rows) for g in content.groups) == 7
    text = flat_text(render_followup_pdf(content, options))
    assert_in_order(text, [g.title for g in content.groups])


def test_indicator_section_is_empty_without_indicators(t2: Rendered) -> None:
    if t2.content.indicators:
        assert c.HEADING_INDICATORS in t2.text
    else:
        assert c.HEADING_INDICATORS not in t2.text


def test_a_period_the_agreement_lacks_names_its_first_and_last(t2: Rendered) -> None:
    from promises_app.services.errors import ValidationError

    with pytest.raises(ValidationError) as error:
        build_followup_content(t2.services, t2.agreement_id, "2023-T1", today=TODAY, options=FollowUpOptions())
    assert "2023-T1" in str(error.value) and "2022-T1" in str(error.value) and "2022-T3" in str(error.value)


# --- what moved since signing -----------------------------------------------------------------
def test_moved_deadline_changed_target_and_added_measure_are_listed(demo_services: Services) -> None:
    agreement_id = solna_id(demo_services)
    demo_services.signoff.new_revision(agreement_id)
    measures = demo_services.plan.list_measures(agreement_id)
    moved, counted = measures[1], next(m for m in measures if m.target_count)
    demo_services.plan.update_measure(moved.id, deadline="2022-10-31")
    demo_services.plan.update_measure(counted.id, target_count=6)
    demo_services.plan.create_measure(promise_id=moved.promise_id, title="Ny åtgärd efter undertecknandet",
                                      deadline="2022-11-30")
    content = build_followup_content(demo_services, agreement_id, "2022-T2", today=TODAY, options=FollowUpOptions())
    text = segment(flat_text(render_followup_pdf(content)), c.HEADING_MOVED, None)
    assert_in_order(squash(text), [squash(moved.title), "Klartsenast", "2022-06-30", "2022-10-31"])
    assert_in_order(squash(text), [squash(counted.title), "Mål", "4trygghetsvandringar", "6trygghetsvandringar"])
    assert_in_order(squash(text), [squash("Ny åtgärd efter undertecknandet"),
                                   squash("Tillagd efter undertecknandet"), squash("klart senast 2022-11-30")])
    assert "Inget har ändrats sedan undertecknandet." not in text
    assert "2 av 6 trygghetsvandringar" in flat_text(render_followup_pdf(content))  # against the new target


def test_a_removed_measure_is_listed(demo_services: Services) -> None:
    agreement_id = solna_id(demo_services)
    demo_services.signoff.new_revision(agreement_id)
    gone = demo_services.plan.list_measures(agreement_id)[-1]
    demo_services.plan.delete_measure(gone.id)
    content = build_followup_content(demo_services, agreement_id, "2022-T2", today=TODAY, options=FollowUpOptions())
    assert [r.change for r in content.moved] == ["Borttagen efter undertecknandet"]
    text = squash(segment(flat_text(render_followup_pdf(content)), c.HEADING_MOVED, None))
    assert_in_order(text, [squash(gone.title), squash("Borttagen efter undertecknandet")])


def test_nothing_moved_in_the_signed_demo(t2: Rendered) -> None:
    assert t2.content.moved == ()
    assert "Inget har ändrats sedan undertecknandet." in t2.text


# --- user text is text (P12) --------------------------------------------------------------------
HOSTILE = [
    "<b>&</b>",
    "a<b c",
    "<font size=40>x</font>",
    '<a href="http://x">l</a>',
    '<img src="/etc/passwd"/>',
    "&amp;lt;",
    "polis 🚓 bil",
]


def test_hostile_comments_and_next_steps_print_literally(demo_services: Services) -> None:
    agreement_id = solna_id(demo_services)
    measures = demo_services.plan.list_measures(agreement_id)
    for measure, comment in zip(measures, HOSTILE, strict=True):
        demo_services.follow_ups.record(measure.id, period="2022-T2", status="in_progress", comment=comment)
    options = FollowUpOptions(next_steps='<a href="http://x">l</a>\n\n<b>&</b>', orientation=Orientation.LANDSCAPE)
    content = build_followup_content(demo_services, agreement_id, "2022-T2", today=TODAY, options=options)
    pdf = render_followup_pdf(content, options)
    text = flat_text(pdf)
    measure_text = segment(text, c.HEADING_MEASURES, c.HEADING_MOVED)
    for comment in HOSTILE[:-1]:
        assert comment in measure_text, comment
    # DejaVu Sans has no emoji glyph: the emoji prints as an empty box, the words around it as text.
    assert "polis" in measure_text and "bil" in measure_text
    assert_in_order(segment(text, c.HEADING_NEXT_STEPS, None), ['<a href="http://x">l</a>', "<b>&</b>"])
    assert link_annotations(pdf) == []
    assert b"/Subtype /Image" not in pdf and b"/URI" not in pdf


# --- many measures -------------------------------------------------------------------------------
def test_hundreds_of_measures_split_into_small_tables_with_repeated_headers() -> None:
    rows = tuple(
        c.MeasureRow(i, f"Åtgärd {i:04d}", "Lokalpolisområde Solna", "2022-12-31", "", "Pågående", "green", "Grön",
                     f"Kommentar {i:04d} om hur arbetet går.", False)
        for i in range(240)
    )
    groups = (c.MeasureGroup("Polisen lovar att …", "synas", rows[:180]),
              c.MeasureGroup("Kommunen lovar att …", "lysa upp", rows[180:]))
    content = c.with_fingerprint(c.FollowUpContent(
        1, "Stor överenskommelse", c.KIND, "Uppföljning Tertial 2 2022", "2022-T2", "", "2022-09-01", (),
        (FollowUpSection.MEASURES.value,), 240, (), (), c.BarChartData((), ()), "", (), (), groups, (), (), "", (),
    ))
    pdf = render_followup_pdf(content)
    pages = page_texts(pdf)
    assert len(pages) > 4
    header = " ".join(column for column in c.MEASURE_COLUMNS if column != "Mål mot utfall")  # nothing counted
    assert all(header in normalise(page) for page in pages[1:])  # each continued page starts with the header
    text = flat_text(pdf)
    assert_in_order(text, [f"Åtgärd {i:04d}" for i in range(240)])
    assert_in_order(text, [f"Kommentar {i:04d} om hur arbetet går." for i in range(240)])


# --- layering and the command line ----------------------------------------------------------------
def test_the_content_builders_and_options_do_not_import_reportlab() -> None:
    for module in ("followup_content.py", "annual_content.py", "report_options.py"):
        tree = ast.parse((REPORTS / module).read_text(encoding="utf-8"))
        names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        names += [alias.name for n in ast.walk(tree) if isinstance(n, ast.Import) for alias in n.names]
        assert not [n for n in names if n.startswith("reportlab")], module


def test_cli_writes_the_followup_report(demo_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out_file = tmp_path / "t2.pdf"
    code, out, err = run_cli(capsys, "--db", str(demo_db), "report", "followup", SOLNA, "--period", "2022-T2",
                             "--today", "2022-09-01", "--landscape", "--no-logos", "--next-steps", "Vi fortsätter.",
                             "-o", str(out_file))
    assert code == 0, err
    pdf = out_file.read_bytes()
    assert pdf.startswith(b"%PDF-") and str(out_file) in out and "fingeravtryck" in out
    text = flat_text(pdf)
    assert "Uppföljning Tertial 2 2022" in text and "Vi fortsätter." in text
    assert all(page.mediabox.width > page.mediabox.height for page in reader(pdf).pages)
    assert FOOTER.search(page_texts(pdf)[0]).group(3) == "2022-09-01"


def test_cli_bad_period_exits_1_and_writes_nothing(demo_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out_file = tmp_path / "nej.pdf"
    code, _, err = run_cli(capsys, "--db", str(demo_db), "report", "followup", SOLNA, "--period", "2022-T5",
                           "-o", str(out_file))
    assert code == 1
    assert "2022-T5" in err and "2022-T1" in err and "2022-T3" in err
    assert not out_file.exists() and list(tmp_path.glob(".nej.pdf*")) == []


def test_indicators_show_the_values_known_at_the_period_with_trend(demo_services: Services) -> None:
    agreement_id = solna_id(demo_services)
    indicator = demo_services.indicators.create_indicator(
        name="Andel som känner sig trygga <b>", unit="%", direction="higher_is_better", source="municipal_survey",
    )
    for period, value in [("2021", 57), ("2022-T1", 60.5), ("2022-T2", 64), ("2022-T3", 71)]:
        demo_services.indicators.set_value(indicator.id, period=period, value=value)
    demo_services.indicators.link_to_agreement(agreement_id, indicator.id, baseline_period="2021", target_value=67)
    content = build_followup_content(demo_services, agreement_id, "2022-T2", today=TODAY, options=FollowUpOptions())
    item = next(i for i in content.indicators if i.name == "Andel som känner sig trygga <b>")
    assert item.columns == ("2021", "2022-T1", "2022-T2")  # not T3: reported after the period
    assert [p.value for p in item.points] == [57, 60.5, 64]
    assert item.trend == "Bättre: 57 % (2021) → 64 % (2022-T2). Målet är inte nått."
    text = segment(flat_text(render_followup_pdf(content)), c.HEADING_INDICATORS, None)
    assert "Andel som känner sig trygga <b>" in text
    assert "Period 2021 2022-T1 2022-T2 Totalt 57 % 60,5 % 64 %" in text
    assert item.trend in text and "71 %" not in text and "Mål: 67 %" in text


def test_the_parties_logos_stand_in_the_header_unless_left_out(demo_services: Services) -> None:
    from tests.reports.builders import logo_png
    from tests.reports.pdf_text import image_count

    agreement_id = solna_id(demo_services)
    for party, colour in zip(demo_services.agreements.list_parties(agreement_id), ("#1F3B63", "#A33A00"),
                             strict=False):
        demo_services.logos.set_logo(party.organisation_id, logo_png(colour, (240, 80)))
    with_logos = build_followup_content(demo_services, agreement_id, "2022-T2", today=TODAY,
                                        options=FollowUpOptions())
    assert len(with_logos.logos) == 2
    pdf = render_followup_pdf(with_logos)
    assert image_count(pdf) >= 2
    options = FollowUpOptions(logos=False)
    without = build_followup_content(demo_services, agreement_id, "2022-T2", today=TODAY, options=options)
    assert without.logos == () and image_count(render_followup_pdf(without, options)) == 0


def test_a_comment_longer_than_a_page_splits_and_round_trips(demo_services: Services) -> None:
    agreement_id = solna_id(demo_services)
    measure = demo_services.plan.list_measures(agreement_id)[0]
    long_comment = " ".join(f"ord{n} trygghetsvandring åäö" for n in range(600))  # about 16 000 characters
    demo_services.follow_ups.record(measure.id, period="2022-T2", status="in_progress", comment=long_comment)
    content = build_followup_content(demo_services, agreement_id, "2022-T2", today=TODAY,
                                     options=FollowUpOptions(sections=frozenset({FollowUpSection.MEASURES})))
    pdf = render_followup_pdf(content)
    assert len(reader(pdf).pages) >= 3
    # The row's other cells, the repeated header and the footers are extracted between the parts.
    text = FOOTER.sub(" ", "\n".join(page_texts(pdf)))
    row = next(r for g in content.groups for r in g.rows if r.measure_id == measure.id)
    for furniture in (" ".join(c.MEASURE_COLUMNS), row.title, row.responsible, row.deadline, row.status,
                      row.light_text):
        text = normalise(text).replace(furniture, " ")
    assert normalise(long_comment) in normalise(text)


def test_columns_empty_in_the_whole_report_are_left_out(services: Services) -> None:
    """Nothing counted, no deadline, no comment anywhere: no empty "Mål mot utfall", "Klart senast" or
    "Kommentar" column, and the status words keep to their lines."""
    from promises_app.reports.followup_pdf import shown_columns

    agreement = services.agreements.create_agreement(
        kind="citizen_promise", title="Sommarlöfte 2025", start_date="2025-06-01", end_date="2025-08-31",
        reporting_scheme="whole_period",
    )
    police = services.register.create_organisation(name="Polisen", kind="police")
    services.agreements.add_party(agreement.id, organisation_id=police.id)
    promise = services.plan.create_promise(agreement.id, text="synas vid stationen", maker_ids=[police.id])
    for title in ("Synlig närvaro vid stationen på helgkvällar", "Dialogpoliser i centrum"):
        measure = services.plan.create_measure(promise_id=promise.id, title=title, responsible_id=police.id)
        services.follow_ups.record(measure.id, period="2025-06-01/2025-08-31", status="partly_done", light="yellow")
    content = build_followup_content(services, agreement.id, "2025-06-01/2025-08-31", today=date(2025, 9, 2),
                                     options=FollowUpOptions())
    assert shown_columns(content.groups) == ("Åtgärd", "Ansvarig", "Status", "Trafikljus")
    text = flat_text(render_followup_pdf(content, FollowUpOptions()))
    table = text[text.index(c.HEADING_MEASURES):]
    assert "Åtgärd Ansvarig Status Trafikljus" in table
    for gone in ("Mål mot utfall", "Klart senast", "Kommentar"):
        assert gone not in table
    assert "Delvis genomförd" in table, "a two-word status on one line, not split over four"
    # With a comment, a deadline and a count somewhere, their columns come back.
    measure = services.plan.create_measure(promise_id=promise.id, title="Hastighetskontroller", responsible_id=police.id,
                                           deadline="2025-08-15", target_count=20, target_unit="kontroller")
    services.follow_ups.record(measure.id, period="2025-06-01/2025-08-31", status="done", light="green",
                               count_achieved=22, comment="Fler än planerat.")
    content = build_followup_content(services, agreement.id, "2025-06-01/2025-08-31", today=date(2025, 9, 2),
                                     options=FollowUpOptions())
    assert shown_columns(content.groups) == c.MEASURE_COLUMNS
