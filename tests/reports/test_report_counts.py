"""Counts in the reports (docs/counts.md): "hittills X av Y" and "denna period Z", with where Z came from,
from the one count rule (domain/counts.py); adopted reports made before keep their content and hash."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pdfua

from promises_app.reports.adopted_document import adopted_pdf, compare_with_data, options_json, render_adopted
from promises_app.reports.annual_content import build_annual_content
from promises_app.reports.annual_pdf import render_annual_pdf
from promises_app.reports.followup_content import build_followup_content, compute_fingerprint
from promises_app.reports.followup_pdf import render_followup_pdf
from promises_app.reports.report_options import AnnualOptions, FollowUpOptions
from promises_app.services import Services
from tests.reports.pdf_text import flat_text


def counted_agreement(services: Services) -> tuple[int, int, int]:
    """Norrstad 2023 (tertials) with 150 traffic checks, 4 safety walks and one measure without a target."""
    agreement = services.agreements.create_agreement(
        kind="citizen_promise", title="Norrstad 2023", start_date="2023-01-01", end_date="2023-12-31",
        reporting_scheme="tertial", municipality="Norrstads kommun", police_area="LPO Norrstad",
    )
    police = services.register.create_organisation(name="Polisregion Mitt", kind="police")
    services.agreements.add_party(agreement.id, organisation_id=police.id)
    promise = services.plan.create_promise(agreement.id, text="synas i centrum", maker_ids=[police.id])
    checks = services.plan.create_measure(promise_id=promise.id, title="Hastighetskontroller",
                                          responsible_id=police.id, target_count=150, target_unit="kontroller")
    walks = services.plan.create_measure(promise_id=promise.id, title="Trygghetsvandringar",
                                         responsible_id=police.id, target_count=4, target_unit="trygghetsvandringar")
    services.plan.create_measure(promise_id=promise.id, title="Fotpatrullering", responsible_id=police.id)
    return agreement.id, checks.id, walks.id


def test_the_follow_up_report_says_so_far_and_this_period_and_where_from(services: Services, tmp_path: Path) -> None:
    agreement_id, checks, walks = counted_agreement(services)
    services.follow_ups.record(checks, period="2023-T1", status="in_progress", light="green", count_achieved=37)
    services.follow_ups.record(checks, period="2023-T2", status="in_progress", light="green", count_achieved=80)
    services.follow_ups.record(walks, period="2023-T2", status="in_progress", light="green", count_achieved=9)
    # Two walks logged as occurrences in T2 and a third walk held (not logged): 3 in T2, the typed 9 loses.
    services.plan.add_occurrence(walks, occurred_on="2023-05-10", place="Centrum")
    services.plan.add_occurrence(walks, occurred_on="2023-06-14", place="Norr")
    services.walks.create_walk(agreement_id, walked_on="2023-06-14", place="Norr")  # the same walk as logged
    services.walks.create_walk(agreement_id, walked_on="2023-08-20", place="Söder")
    content = build_followup_content(services, agreement_id, "2023-T2", today=date(2023, 9, 1),
                                     options=FollowUpOptions())
    rows = {r.title: r for g in content.groups for r in g.rows}
    assert rows["Hastighetskontroller"].target == "hittills 80 av 150 kontroller"
    assert rows["Hastighetskontroller"].this_period == "denna period 43 (inskrivet)"
    assert rows["Trygghetsvandringar"].target == "hittills 3 av 4 trygghetsvandringar"
    assert rows["Trygghetsvandringar"].this_period == "denna period 3 (från loggade tillfällen)"
    assert rows["Fotpatrullering"].target == "" and rows["Fotpatrullering"].this_period == ""
    pdf = render_followup_pdf(content, FollowUpOptions())
    text = flat_text(pdf)
    for words in ("hittills 80 av 150 kontroller", "denna period 43 (inskrivet)",
                  "hittills 3 av 4 trygghetsvandringar", "denna period 3 (från loggade tillfällen)"):
        assert words in text
    path = tmp_path / "uppföljning.pdf"
    path.write_bytes(pdf)
    result = pdfua.validate(str(path))
    assert result.exit_code == 0 and list(result.findings) == []


def test_the_annual_report_says_so_far_and_this_period(services: Services, tmp_path: Path) -> None:
    agreement_id, checks, walks = counted_agreement(services)
    services.follow_ups.record(checks, period="2023-T1", status="in_progress", light="green", count_achieved=37)
    services.follow_ups.record(walks, period="2023-T1", status="in_progress", light="green")
    services.plan.add_occurrence(walks, occurred_on="2023-03-01")
    content = build_annual_content(services, agreement_id, today=date(2023, 5, 2), options=AnnualOptions())
    rows = {r.title: r for g in content.matrix for r in g.rows}
    assert rows["Hastighetskontroller"].cells[0].count == "denna period 37"
    assert rows["Trygghetsvandringar"].cells[0].count == "denna period 1"
    assert rows["Trygghetsvandringar"].result == (
        "hittills 1 av 4 trygghetsvandringar (rapporterat T1 2023)\ndenna period –")
    pdf = render_annual_pdf(content, AnnualOptions())
    text = flat_text(pdf)
    assert "hittills 37 av 150 kontroller" in text and "denna period 37" in text
    assert "hittills 1 av 4 trygghetsvandringar" in text
    path = tmp_path / "årsrapport.pdf"
    path.write_bytes(pdf)
    result = pdfua.validate(str(path))
    assert result.exit_code == 0 and list(result.findings) == []


def test_a_report_without_counted_measures_keeps_its_fingerprint(services: Services) -> None:
    agreement_id, checks, walks = counted_agreement(services)
    services.plan.delete_measure(checks)
    services.plan.delete_measure(walks)
    now = build_followup_content(services, agreement_id, "2023-T1", today=date(2023, 5, 1), options=FollowUpOptions())
    before = build_followup_content(services, agreement_id, "2023-T1", today=date(2023, 5, 1),
                                    options=FollowUpOptions(period_counts=False))
    assert now.fingerprint == before.fingerprint == compute_fingerprint(before)


def test_a_report_adopted_before_the_period_figure_still_matches_its_data(services: Services) -> None:
    """A version adopted with the choices of before (no "counts" kept) is made again as it was: no
    "hittills", no "denna period", the same hash, so it still verifies; a new adoption prints them."""
    agreement_id, checks, _walks = counted_agreement(services)
    services.follow_ups.record(checks, period="2023-T1", status="in_progress", light="green", count_achieved=37)
    before = json.loads(options_json(FollowUpOptions()))
    before.pop("counts")
    old = services.adoptions.adopt(
        agreement_id, "2023-T1", adopted_by="Kommunstyrelsen", adopted_on="2023-05-20", paragraph="§ 12",
        report_date="2023-05-15", options=json.dumps(before, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
        render=render_adopted, today=date(2023, 6, 1),
    )
    kept = services.adoptions.content_text(old.id)
    assert "37 av 150 kontroller" in kept and "hittills" not in kept and "this_period" not in kept
    assert compare_with_data(services, agreement_id)["2023-T1"].matches is True
    new = services.adoptions.adopt(
        agreement_id, "2023-T1", adopted_by="Kommunstyrelsen", adopted_on="2023-06-20", paragraph="§ 20",
        report_date="2023-06-15", options=options_json(FollowUpOptions()), render=render_adopted,
        today=date(2023, 7, 1),
    )
    assert "hittills 37 av 150 kontroller" in flat_text(adopted_pdf(services, agreement_id, "2023-T1").pdf)
    assert "denna period 37 (inskrivet)" in services.adoptions.content_text(new.id)
    assert compare_with_data(services, agreement_id)["2023-T1"].matches is True
    # A logged occurrence changes the figure: the adopted version no longer shows the data, and says so.
    services.plan.add_occurrence(checks, occurred_on="2023-02-01")
    state = compare_with_data(services, agreement_id)["2023-T1"]
    assert state.matches is False and any("hittills 1 av 150" in said for said in state.differences)
