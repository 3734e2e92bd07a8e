"""The follow-up report says how the safety walks' findings were followed: "7 av 9 åtgärdade"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfua

from promises_app.reports.followup_content import build_followup_content, canonical_json
from promises_app.reports.followup_pdf import render_followup_pdf
from promises_app.reports.report_options import FollowUpOptions, FollowUpSection
from promises_app.services import Services
from tests.reports.findings_support import nine_findings as _nine_findings
from tests.reports.pdf_text import flat_text

SOLNA = "Solna – medborgarlöften 2022"
TODAY = date(2022, 9, 1)


def _solna(services: Services) -> int:
    """Solna's promise without the demo's own safety walks (taken away through the services), so the
    counts below are the findings these tests make."""
    agreement_id = next(a.id for a in services.agreements.list_agreements() if a.title == SOLNA)
    for walk in services.walks.list_walks(agreement_id):
        services.walks.delete_walk(walk.id)
    return agreement_id


def test_the_followup_pdf_says_7_of_9_dealt_with_and_passes_pdf_ua(demo_services: Services, tmp_path: Path) -> None:
    agreement_id = _solna(demo_services)
    _nine_findings(demo_services, agreement_id)
    options = FollowUpOptions()
    content = build_followup_content(demo_services, agreement_id, "2022-T2", today=TODAY, options=options)
    assert content.walk_findings == "Från trygghetsvandringarna: 7 av 9 åtgärdade, 1 avböjd."
    pdf = render_followup_pdf(content, options)
    text = flat_text(pdf)
    assert "Från trygghetsvandringarna: 7 av 9 åtgärdade, 1 avböjd." in text
    assert text.index("Sammanfattning") < text.index("Från trygghetsvandringarna")
    path = tmp_path / "uppfoljning.pdf"
    path.write_bytes(pdf)
    result = pdfua.validate(str(path))
    assert result.exit_code == 0, [f"{f.rule_id}: {f.message}" for f in result.findings]


def test_without_findings_the_report_says_nothing_of_them_and_keeps_its_fingerprint(
    demo_services: Services,
) -> None:
    agreement_id = _solna(demo_services)
    options = FollowUpOptions()
    content = build_followup_content(demo_services, agreement_id, "2022-T2", today=TODAY, options=options)
    assert content.walk_findings == ""
    # A report adopted before findings were followed was hashed without the field: it still matches.
    assert "walk_findings" not in canonical_json(content)
    assert "trygghetsvandringarna" not in flat_text(render_followup_pdf(content, options))


def test_the_sentence_belongs_to_the_summary_section(demo_services: Services) -> None:
    agreement_id = _solna(demo_services)
    _nine_findings(demo_services, agreement_id)
    options = FollowUpOptions(sections=frozenset({FollowUpSection.MEASURES}))
    content = build_followup_content(demo_services, agreement_id, "2022-T2", today=TODAY, options=options)
    assert content.walk_findings == ""
